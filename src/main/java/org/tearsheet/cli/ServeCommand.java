package org.tearsheet.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tearsheet.replay.ReplayServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Browse, search and replay an archive over HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Browse, search and replay an archive over HTTP.",
            "Serves / (articles, search, filters), /article/ID, /web/TIMESTAMP/URL (replay), /web/timemap/URL and "
                + "/api/articles. Runs until interrupted (Ctrl-C)."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind = "127.0.0.1";

    @Parameters(index = "0", arity = "0..1", defaultValue = "archive", paramLabel = "ARCHIVE_DIR",
            description = "Archive folder (default: ${DEFAULT-VALUE}).")
    Path archiveDir;

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The address the server binds to unless told otherwise. */
    public String bind() {
        return bind;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(archiveDir)) {
            spec.commandLine().getErr().println("tearsheet serve: no archive folder at " + archiveDir);
            return ExitCodes.USAGE;
        }
        if (port < 0 || port > 65535) {
            spec.commandLine().getErr().println("tearsheet serve: --port must be 0..65535");
            return ExitCodes.USAGE;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (java.net.UnknownHostException e) {
            spec.commandLine().getErr().println("tearsheet serve: cannot bind to " + bind + ": unknown address");
            return ExitCodes.USAGE;
        }
        // the JDK server has no timeouts by default: a client that never finishes its request would hold one of the
        // few worker threads forever. These are read once, when the server classes load, so set them first.
        setIfAbsent("sun.net.httpserver.maxReqTime", "30");
        setIfAbsent("sun.net.httpserver.maxRspTime", "600");
        CountDownLatch stopped = new CountDownLatch(1);
        ReplayServer server = ReplayServer.start(archiveDir, new InetSocketAddress(address, port));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "tearsheet-serve-stop"));
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            spec.commandLine().getOut().println("tearsheet: serving " + archiveDir + " at http://" + host + ":"
                    + server.port() + "/ (Ctrl-C to stop)");
            if (!address.isLoopbackAddress()) {
                spec.commandLine().getOut().println("tearsheet: warning: listening beyond this machine; the archive "
                        + "has no login");
            }
            spec.commandLine().getOut().flush();
            stopped.await();
        } finally {
            server.close();
        }
        return ExitCodes.OK;
    }
}
