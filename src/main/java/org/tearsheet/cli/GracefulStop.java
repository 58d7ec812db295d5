package org.tearsheet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tearsheet.schedule.StopSignal;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGTERM and SIGINT into a {@link StopSignal} while a command runs: the first one lets captures in flight
 * finish, WARCs close and the command return its exit code normally; a second one exits at once (130), as an
 * impatient operator expects. Closing restores the previous handlers.
 */
final class GracefulStop implements AutoCloseable {

    private final StopSignal stop = new StopSignal();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    GracefulStop() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> {
                    if (stop.isRequested()) {
                        Runtime.getRuntime().halt(130);
                    }
                    System.err.println("tearsheet: SIG" + name + " received: finishing captures in flight, closing WARCs"
                            + " (send again to exit at once)");
                    stop.request();
                }));
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the JVM's default handling stays
            }
        }
    }

    StopSignal signal() {
        return stop;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
