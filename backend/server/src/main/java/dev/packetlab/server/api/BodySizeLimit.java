package dev.packetlab.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than the server takes ({@code packetlab.http.max-body}, 2 MB by default) with a 413
 * problem detail, before anything reads it: no endpoint needs more (a lab file is at most 256 Ki characters, a saved
 * lab's record a little more), and reading a huge body into memory is how one client could starve the others.
 *
 * <p>A body that says its length ({@code Content-Length}) is judged by it, unread. One sent in chunks, whose length is
 * only known at its end, is read here up to one byte past the limit: refused if it goes past, otherwise handed on
 * from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimit extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long limit;

    public BodySizeLimit(@Value("${packetlab.http.max-body:2MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, "The body has " + declared + " bytes");
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readUpTo(request.getInputStream(), limit + 1);
        if (body.length > limit) {
            refuse(request, response, "The body has more than " + limit + " bytes");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    /** A body sent in chunks: HTTP/1.1 says so with {@code Transfer-Encoding} (RFC 9112 6.1). */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static byte[] readUpTo(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        // written here, before Spring MVC: an RFC 9457 problem detail as ApiProblems writes them
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", "Request body too large");
        p.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        p.put("detail", what + "; this server takes request bodies of at most " + limit + " bytes "
                + "(packetlab.http.max-body).");
        p.put("instance", request.getRequestURI());
        p.put("limit", limit);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the client may still be sending: closing lets it see the answer rather than wait to send the rest
        response.setHeader("Connection", "close");
        response.getOutputStream().write(JSON.writeValueAsBytes(p));
    }

    /** The request with its body read into memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
