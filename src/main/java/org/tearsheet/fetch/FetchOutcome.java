package org.tearsheet.fetch;

/**
 * The last exchange for one URL after retries, or why there is none.
 *
 * @param exchange the final exchange, {@code null} when every attempt failed without a response
 * @param attempts attempts made
 * @param error    why the last attempt failed or why retrying stopped; {@code null} on a clean success
 */
public record FetchOutcome(HttpExchange exchange, int attempts, String error) {
}
