package dev.newsharvester.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;

/** A URL whose host resolves to an address that the {@link AddressGuard} does not let through. */
public final class AddressRefusedException extends IOException {

    private final transient URI url;
    private final transient InetAddress address;

    AddressRefusedException(URI url, InetAddress address, String message) {
        super(message);
        this.url = url;
        this.address = address;
    }

    /** The URL that was checked. */
    public URI url() {
        return url;
    }

    /** The refused address, or null when the host could not be resolved or the URL has no host. */
    public InetAddress address() {
        return address;
    }
}
