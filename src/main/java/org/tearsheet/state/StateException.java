package org.tearsheet.state;

/** The state database could not be read or written; the run cannot safely continue. */
public class StateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
