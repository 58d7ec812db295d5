package org.tearsheet.cli;

import org.tearsheet.schedule.StopSignal;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a {@link StopSignal}: the first one lets captures in flight finish, WARCs close
 * and the command return its exit code normally; a second one exits at once (130), as an impatient operator expects.
 */
final class GracefulStop {

    private GracefulStop() {
    }

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (stop.isRequested()) {
                        Runtime.getRuntime().halt(130);
                    }
                    System.err.println("tearsheet: SIG" + name + " received: finishing captures in flight, closing WARCs"
                            + " (send again to exit at once)");
                    stop.request();
                });
            } catch (IllegalArgumentException e) {
                // signal not available on this platform: the JVM's default handling stays
            }
        }
        return stop;
    }
}
