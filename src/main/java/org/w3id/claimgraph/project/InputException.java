package org.w3id.claimgraph.project;

/** A problem with what the user asked for (a missing file, a bad option value): exit code 2. */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
