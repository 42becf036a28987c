package org.w3id.claimgraph.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/** A short plain-text answer: what the server's own filters say when they refuse a request. */
final class PlainText {
    private PlainText() {}

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(message);
    }
}
