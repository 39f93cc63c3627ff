package dev.newsharvester.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The fetcher asks it once per request and connects only to the addresses it
 * returned, after the {@link AddressGuard} has checked all of them: a DNS answer that changes between the check and
 * the connection (DNS rebinding) cannot reach an address the guard did not see.
 */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver ({@link InetAddress#getAllByName}; IP literals are parsed, not looked up). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * @param host lower-case ASCII host name, IPv4 literal, or IPv6 literal without brackets
     * @return at least one address
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
