package org.tearsheet.fetch;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Network interceptor that notes, for calls tagged with a {@link Slot}, the request exactly as it goes on the wire
 * (after the application interceptors and OkHttp's own header additions) and the address of the connection used.
 */
final class WireProbe implements Interceptor {

    /** Per-call holder filled in by the interceptor. */
    static final class Slot {
        volatile Request wireRequest;
        volatile InetAddress address;
        volatile String protocol;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Slot slot = request.tag(Slot.class);
        if (slot != null) {
            slot.wireRequest = request;
            Connection connection = chain.connection();
            if (connection != null) {
                slot.address = connection.route().socketAddress().getAddress();
                slot.protocol = connection.protocol().toString().toUpperCase(java.util.Locale.ROOT);
            }
        }
        return chain.proceed(request);
    }
}
