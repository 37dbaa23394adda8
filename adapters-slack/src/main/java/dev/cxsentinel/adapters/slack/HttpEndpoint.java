package dev.cxsentinel.adapters.slack;

/** A plain HTTP answer, for the routes the server shares with operations ({@code /healthz}, {@code /metrics}). */
public record HttpEndpoint(int status, String contentType, String body) {
    public static HttpEndpoint text(int status, String body) {
        return new HttpEndpoint(status, "text/plain; charset=utf-8", body);
    }
}
