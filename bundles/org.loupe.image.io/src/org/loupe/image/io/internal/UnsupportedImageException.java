package org.loupe.image.io.internal;

/** A well-formed image whose pixel layout Loupe has no type for; the message says which layout. */
final class UnsupportedImageException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedImageException(String message) {
        super(message);
    }
}
