package dev.newsharvester.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** All addresses are IP literals: no test here asks DNS anything. */
class AddressGuardTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // literals only: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Builds an IPv6 address from 16 bytes without letting the JDK fold IPv4-mapped forms into IPv4. */
    private static InetAddress ip6(String literal) throws UnknownHostException {
        byte[] b = InetAddress.getByName(literal).getAddress();
        if (b.length == 4) { // the JDK turned ::ffff:a.b.c.d into an Inet4Address; rebuild the mapped form
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(b, 0, m, 12, 4);
            b = m;
        }
        return java.net.Inet6Address.getByAddress(null, b, -1);
    }

    @ParameterizedTest(name = "{0} allowed={1}")
    @CsvSource({
            // public unicast
            "8.8.8.8, true", "1.1.1.1, true", "93.184.216.34, true", "2001:4860:4860::8888, true",
            "2a00:1450:4001:82a::200e, true", "100.63.255.255, true", "100.128.0.0, true", "172.15.255.255, true",
            "172.32.0.0, true", "192.167.255.255, true", "169.253.255.255, true", "223.255.255.255, true",
            // loopback
            "127.0.0.1, false", "127.0.0.2, false", "127.255.255.254, false", "::1, false",
            // unspecified and "this network"
            "0.0.0.0, false", "0.1.2.3, false", "::, false",
            // private
            "10.0.0.1, false", "10.255.255.255, false", "172.16.0.1, false", "172.31.255.254, false",
            "192.168.0.1, false", "192.168.255.255, false",
            // CGNAT
            "100.64.0.1, false", "100.127.255.255, false",
            // link-local, cloud metadata
            "169.254.169.254, false", "169.254.0.1, false", "fe80::1, false", "febf:ffff::1, false",
            // unique-local, site-local
            "fd00::1, false", "fc00::1, false", "fdff:ffff::1, false", "fec0::1, false",
            // multicast, reserved, broadcast
            "224.0.0.1, false", "239.255.255.250, false", "ff02::1, false", "240.0.0.1, false", "255.255.255.255, false",
            // documentation, benchmarking
            "192.0.2.10, false", "198.51.100.7, false", "203.0.113.99, false", "198.18.0.1, false", "2001:db8::1, false",
            // IPv6 forms that embed a refused IPv4 address
            "::ffff:127.0.0.1, false", "::ffff:169.254.169.254, false", "::ffff:10.0.0.1, false",
            "::127.0.0.1, false", "64:ff9b::a9fe:a9fe, false", "2002:a9fe:a9fe::1, false", "2002:7f00:1::, false",
            // ... and ones that embed a public address
            "::ffff:8.8.8.8, true", "64:ff9b::808:808, true", "2002:808:808::1, true"
    })
    void strictGuard(String literal, boolean allowed) throws UnknownHostException {
        assertEquals(allowed, AddressGuard.strict().isAllowed(ip(literal)), literal);
        if (literal.contains(":")) {
            assertEquals(allowed, AddressGuard.strict().isAllowed(ip6(literal)), literal + " as a 16-byte address");
        }
    }

    @Test
    void mappedLoopbackIsRefusedEvenAsATrueIpv6Address() throws UnknownHostException {
        InetAddress mapped = ip6("::ffff:127.0.0.1");
        assertEquals(16, mapped.getAddress().length);
        assertFalse(AddressGuard.strict().isAllowed(mapped));
        assertEquals(ip("127.0.0.1"), AddressGuard.embeddedIPv4(mapped));
        assertNull(AddressGuard.embeddedIPv4(ip("2001:4860:4860::8888")));
    }

    @Test
    void specAllowsListedAddressesAndRanges() throws UnknownHostException {
        AddressGuard g = AddressGuard.fromSpec(" 127.0.0.1/32 , 10.20.0.0/16,::1, [fd00:1::]/64 ,192.168.1.5");

        assertTrue(g.isAllowed(ip("127.0.0.1")));
        assertTrue(g.isAllowed(ip6("::ffff:127.0.0.1")), "an IPv4 range covers its IPv4-mapped form");
        assertFalse(g.isAllowed(ip("127.0.0.2")));
        assertTrue(g.isAllowed(ip("10.20.255.1")));
        assertFalse(g.isAllowed(ip("10.21.0.1")));
        assertTrue(g.isAllowed(ip("::1")));
        assertTrue(g.isAllowed(ip("fd00:1::abcd")));
        assertFalse(g.isAllowed(ip("fd00:2::1")));
        assertTrue(g.isAllowed(ip("192.168.1.5")));
        assertFalse(g.isAllowed(ip("192.168.1.6")));
        assertFalse(g.isAllowed(ip("169.254.169.254")));
        assertTrue(g.isAllowed(ip("8.8.8.8")), "public addresses stay allowed");
    }

    @Test
    void hostBitsInARangeAreIgnoredAndMappedRangesTranslate() throws UnknownHostException {
        AddressGuard g = AddressGuard.fromSpec("10.1.2.3/8, ::ffff:192.168.0.0/112");
        assertTrue(g.isAllowed(ip("10.200.0.1")));
        assertTrue(g.isAllowed(ip("192.168.44.1")));
        assertFalse(g.isAllowed(ip("172.16.0.1")), "outside both ranges");
        assertFalse(g.isAllowed(ip6("::ffff:172.16.0.1")), "outside both ranges");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " , ,"})
    void blankSpecAllowsNothingExtra(String spec) {
        assertSame(AddressGuard.strict(), AddressGuard.fromSpec(spec));
        assertSame(AddressGuard.strict(), AddressGuard.fromSpec(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300", "10.0.0", "10.0.0.1/33", "::1/129", "10.0.0.0/x", "10.0.0.0/-1",
            "localhost", "example.com/24", "fe80::1%eth0", "1.2.3.4.5", "::ffff:10.0.0.0/64", "0x7f.0.0.1", "[::1"})
    void badEntriesAreNamed(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressGuard.fromSpec("127.0.0.1/32, " + bad));
        assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }

    @Test
    void checkRefusesUrlsByTheirResolvedAddress() {
        AddressGuard g = AddressGuard.fromSpec("127.0.0.1");
        AddressRefusedException e = assertThrows(AddressRefusedException.class,
                () -> g.check(URI.create("http://169.254.169.254/latest/meta-data/")));
        assertEquals(ip("169.254.169.254"), e.address());
        assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
        assertThrows(AddressRefusedException.class, () -> g.check(URI.create("http://[::ffff:127.0.0.2]:8080/")));
        assertThrows(AddressRefusedException.class, () -> g.check(URI.create("http://[fd00::1]/")));
        AddressRefusedException noHost = assertThrows(AddressRefusedException.class, () -> g.check(URI.create("file:///etc/passwd")));
        assertNull(noHost.address());
    }

    @Test
    void checkPassesAllowedUrls() throws AddressRefusedException {
        AddressGuard.fromSpec("127.0.0.1").check(URI.create("http://127.0.0.1:8080/robots.txt"));
        AddressGuard.strict().check(URI.create("https://93.184.216.34/"));
        AddressGuard.strict().check(URI.create("https://[2001:4860:4860::8888]/"));
    }

    @Test
    void describesItself() {
        assertEquals("AddressGuard[strict]", AddressGuard.strict().toString());
        assertEquals("AddressGuard[allow 127.0.0.1/32, 10.0.0.0/8]", AddressGuard.fromSpec("127.0.0.1,10.9.9.9/8").toString());
    }
}
