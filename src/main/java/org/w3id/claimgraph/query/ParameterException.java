package org.w3id.claimgraph.query;

import org.w3id.claimgraph.project.InputException;

/** A named query was given a parameter it lacks, lacks a required one, or got a value of the wrong type. */
public final class ParameterException extends InputException {
    private final String parameter;

    public ParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter the problem is with. */
    public String parameter() {
        return parameter;
    }
}
