package org.tearsheet.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The fastest any client can be served the same URLs: GETs with the same {@code Accept-Encoding} and the same
 * number of requests in flight as the capture, bodies read and thrown away, nothing recorded, digested or parsed.
 * A capture cannot be faster than this, so it tells apart "tearsheet is slow" from "the server is the limit"
 * (the bench site's nginx has one worker and gzips on the fly: with gzip asked for, that worker is the ceiling).
 */
public final class ServerCeiling {

    private final int concurrency;
    private final String acceptEncoding;

    /**
     * @param concurrency    requests in flight, as in the capture being compared
     * @param acceptEncoding the Accept-Encoding header sent, as in the capture being compared
     */
    public ServerCeiling(int concurrency, String acceptEncoding) {
        this.concurrency = concurrency;
        this.acceptEncoding = acceptEncoding;
    }

    public RunFigures run(List<String> urls) throws IOException, InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        OkHttpClient client = new OkHttpClient.Builder()
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .followRedirects(false)
                .connectionPool(new ConnectionPool(concurrency * 2, 1, TimeUnit.MINUTES))
                .build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    byte[] sink = new byte[65536];
                    for (int i = next.getAndIncrement(); i < urls.size(); i = next.getAndIncrement()) {
                        // Set explicitly so OkHttp neither adds its own gzip nor decompresses.
                        Request request = new Request.Builder().url(urls.get(i))
                                .header("Accept-Encoding", acceptEncoding).build();
                        try (Response response = client.newCall(request).execute();
                             InputStream in = response.body().byteStream()) {
                            long n = 0;
                            for (int r = in.read(sink); r >= 0; r = in.read(sink)) {
                                n += r;
                            }
                            if (response.code() == 200) {
                                ok.incrementAndGet();
                                bytes.addAndGet(n);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("fetch-only run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        return new RunFigures("fetch only [" + acceptEncoding + "] (ceiling)", urls.size(), ok.get(), seconds, cpu,
                bytes.get(), 0, -1, -1);
    }
}
