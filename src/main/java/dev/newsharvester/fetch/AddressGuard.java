package dev.newsharvester.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Decides which IP addresses the fetcher may connect to, so that URLs from feeds, sitemaps and redirects
 * cannot make it reach internal services (cloud metadata at 169.254.169.254, the VPC, loopback).
 *
 * <p>Public unicast addresses are allowed. Refused unless inside an explicitly allowed range: loopback,
 * "this network" (0/8), private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), link-local (169.254/16,
 * fe80::/10), unique-local (fc00::/7), site-local (fec0::/10), multicast, reserved (240/4, incl. broadcast),
 * documentation and benchmarking ranges, and the unspecified addresses. IPv6 forms that embed an IPv4
 * address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, Teredo) are judged by the embedded IPv4 address.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AddressGuard {

    private static final List<Cidr> REFUSED = List.of(
            // IPv4
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"), Cidr.parse("192.88.99.0/24"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            // IPv6
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"),
            Cidr.parse("fc00::/7"), Cidr.parse("ff00::/8"), Cidr.parse("2001:db8::/32"), Cidr.parse("100::/64"),
            Cidr.parse("64:ff9b:1::/48"));

    private static final AddressGuard STRICT = new AddressGuard(List.of());

    private final List<Cidr> allowed;

    private AddressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A guard that lets no private, loopback or otherwise special address through (production). */
    public static AddressGuard strict() {
        return STRICT;
    }

    /**
     * A guard that additionally allows the given addresses and ranges, e.g. {@code "127.0.0.1/32, ::1, 10.1.0.0/16"}.
     * Entries are IP literals (IPv4 dotted quad or IPv6, brackets optional) with an optional prefix length; host names
     * are not accepted (they would need DNS, and DNS can change).
     *
     * @param allowPrivateNetworks comma-separated entries; null or blank allows nothing extra
     * @throws IllegalArgumentException naming the first entry that is not an address or CIDR range
     */
    public static AddressGuard fromSpec(String allowPrivateNetworks) {
        if (allowPrivateNetworks == null || allowPrivateNetworks.isBlank()) {
            return STRICT;
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : allowPrivateNetworks.split(",")) {
            String e = entry.strip();
            if (!e.isEmpty()) {
                ranges.add(Cidr.parse(e));
            }
        }
        return ranges.isEmpty() ? STRICT : new AddressGuard(ranges);
    }

    /** True when the fetcher may connect to this address. */
    public boolean isAllowed(InetAddress address) {
        if (isExplicitlyAllowed(address)) {
            return true;
        }
        if (isSpecial(address)) {
            return false;
        }
        InetAddress embedded = embeddedIPv4(address);
        return embedded == null || isExplicitlyAllowed(embedded) || !isSpecial(embedded);
    }

    /**
     * Resolves the URL's host with the system resolver and refuses it if any of its addresses is refused (a host
     * with one public and one private address could be answered from either).
     *
     * @throws AddressRefusedException when the URL has no usable host, the host does not resolve, or an address is
     *                                 refused
     */
    public void check(URI url) throws AddressRefusedException {
        Target target;
        try {
            target = Target.of(url);
        } catch (IllegalArgumentException e) {
            throw new AddressRefusedException(url, null, e.getMessage());
        }
        try {
            resolve(target, HostResolver.SYSTEM);
        } catch (UnknownHostException e) {
            throw new AddressRefusedException(url, null, "host does not resolve: " + target.host());
        }
    }

    /**
     * Resolves the target's host once and checks every address; the fetcher connects only to what this returns.
     * Unlike {@link #check} it tells an unresolvable host (a network condition) apart from a refusal.
     */
    List<InetAddress> resolve(Target target, HostResolver resolver) throws AddressRefusedException, UnknownHostException {
        String host = target.host();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (IllegalArgumentException e) { // ambiguous or malformed literals, e.g. "0177.0.0.1"
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException(host + ": no addresses");
        }
        for (InetAddress a : addresses) {
            if (!isAllowed(a)) {
                throw new AddressRefusedException(target.url(), a,
                        "address " + a.getHostAddress() + " of " + host + " is not a public address");
            }
        }
        return List.copyOf(addresses);
    }

    private boolean isExplicitlyAllowed(InetAddress a) {
        for (Cidr c : allowed) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpecial(InetAddress a) {
        for (Cidr c : REFUSED) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The IPv4 address an IPv6 address stands for, when it is one of the translation forms; else null. */
    static InetAddress embeddedIPv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        byte[] v4;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = Arrays.copyOfRange(b, 12, 16);                       // ::ffff:a.b.c.d (mapped)
        } else if (allZero(b, 0, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16);                       // ::a.b.c.d (compatible); ::, ::1 are refused above
        } else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16);                       // 64:ff9b::a.b.c.d (NAT64)
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6);                         // 2002:aabb:ccdd:: (6to4)
        } else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            v4 = new byte[4];                                         // 2001:0::/32 (Teredo), client address inverted
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~b[12 + i];
            }
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are always a valid IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return allowed.isEmpty() ? "AddressGuard[strict]"
                : allowed.stream().map(Cidr::toString).collect(Collectors.joining(", ", "AddressGuard[allow ", "]"));
    }

    /** An address range; IPv4 ranges hold 4 bytes, IPv6 ranges 16. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String entry) {
            String s = entry.strip();
            int slash = s.indexOf('/');
            String addressPart = slash < 0 ? s : s.substring(0, slash);
            if (addressPart.startsWith("[") && addressPart.endsWith("]")) {
                addressPart = addressPart.substring(1, addressPart.length() - 1);
            }
            InetAddress address = parseLiteral(addressPart);
            if (address == null) {
                throw bad(entry, "not an IPv4 or IPv6 address");
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String p = s.substring(slash + 1).strip();
                if (!p.matches("\\d{1,3}")) {
                    throw bad(entry, "prefix length '" + p + "' is not a number");
                }
                prefix = Integer.parseInt(p);
                // "::ffff:10.0.0.0/104" parses to an IPv4 address: translate the prefix to IPv4 bits
                if (addressPart.contains(":") && address instanceof Inet4Address) {
                    if (prefix < 96) {
                        throw bad(entry, "an IPv4-mapped range needs a prefix of at least 96");
                    }
                    prefix -= 96;
                }
                if (prefix > bits) {
                    throw bad(entry, "prefix length " + prefix + " exceeds " + bits);
                }
            }
            return new Cidr(mask(address.getAddress(), prefix), prefix);
        }

        /** The address of an IP literal, or null when {@code s} is not one. Never uses DNS. */
        private static InetAddress parseLiteral(String s) {
            try {
                if (s.contains(":")) {
                    // A string with ':' is parsed as an IPv6 literal, never looked up in DNS; zone ids are refused.
                    return s.contains("%") ? null : InetAddress.getByName(s);
                }
                String[] parts = s.split("\\.", -1);
                if (parts.length != 4) {
                    return null;
                }
                byte[] b = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                        return null;
                    }
                    b[i] = (byte) Integer.parseInt(parts[i]);
                }
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException | RuntimeException e) {
                return null;
            }
        }

        private static IllegalArgumentException bad(String entry, String why) {
            return new IllegalArgumentException("address guard entry '" + entry.strip() + "': " + why);
        }

        private static byte[] mask(byte[] b, int prefix) {
            byte[] out = b.clone();
            for (int i = 0; i < out.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - i * 8));
                out[i] = (byte) (out[i] & (0xff00 >> keep));
            }
            return out;
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            return Arrays.equals(mask(b, prefix), network);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress().toLowerCase(Locale.ROOT) + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }
    }
}
