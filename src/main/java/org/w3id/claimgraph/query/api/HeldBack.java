package org.w3id.claimgraph.query.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The body of an answer, held back until it passes {@code limit} bytes or is complete: until then nothing
 * is sent (flushes included, which result writers make freely), so the status can still change to an error.
 * Once past the limit it streams. {@link #finish} sends what is held when the answer is complete.
 */
final class HeldBack extends OutputStream {
    private final HttpServletResponse response;
    private final int limit;
    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private OutputStream out;

    HeldBack(HttpServletResponse response, int limit) {
        this.response = response;
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out != null) {
            out.write(b, off, len);
            return;
        }
        held.write(b, off, len);
        if (held.size() > limit) release();
    }

    @Override
    public void flush() throws IOException {
        if (out != null) out.flush();
    }

    /** The answer is complete: send what is held (with its length) and flush. */
    void finish() throws IOException {
        if (out == null) {
            response.setContentLength(held.size());
            release();
        }
        out.flush();
    }

    private void release() throws IOException {
        out = response.getOutputStream();
        held.writeTo(out);
        held = null;
    }
}
