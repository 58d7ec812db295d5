package org.tearsheet.verify;

/**
 * One thing {@code verify} found wrong.
 *
 * @param location where: a file name, optionally with {@code offset N} or {@code line N}
 * @param message  what is wrong, in words a compliance reviewer can act on
 */
public record Problem(String location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
