package org.w3id.claimgraph.server;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

/** The {@code Vary} header of a response, added to once per request header the answer depends on. */
public final class VaryHeader {
    private VaryHeader() {}

    /** Says that the answer depends on the request header {@code name}, unless the response already says so. */
    public static void add(HttpServletResponse response, String name) {
        for (String value : response.getHeaders("Vary")) {
            if (Arrays.stream(value.split(",")).map(String::trim).anyMatch(name::equalsIgnoreCase)) return;
        }
        response.addHeader("Vary", name);
    }
}
