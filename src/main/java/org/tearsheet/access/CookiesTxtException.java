package org.tearsheet.access;

/** A cookies.txt file is unreadable or malformed; the message names the file and line, never a cookie value. */
public final class CookiesTxtException extends Exception {

    private static final long serialVersionUID = 1L;

    public CookiesTxtException(String message) {
        super(message);
    }
}
