package io.tousu.intake.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Quarkus treats a trusted-proxy entry that is neither an IPv4 address nor a CIDR range as a host
 * name and resolves it on every forwarded request. A bare {@code ::1} once made every request wait
 * for the DNS timeout (5 s) on a machine whose resolver does not answer; only addresses and ranges
 * belong in the list.
 */
class TrustedProxiesConfigTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/\\d{1,3}");

    @Test
    void everyTrustedProxyIsAnAddressOrRangeNeverAHostName() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        String configured = properties.getProperty("quarkus.http.proxy.trusted-proxies");
        List<String> entries = Arrays.stream(configured.split(",")).map(String::trim).toList();
        assertFalse(entries.isEmpty());
        for (String entry : entries) {
            assertTrue(isAddressOrRange(entry), "trusted proxy '" + entry
                    + "' would be resolved as a host name on every request; write it as an IPv4 address or a CIDR range");
        }
    }

    @Test
    void theCheckItselfTellsAddressesFromHostNames() {
        assertTrue(isAddressOrRange("10.0.0.1"));
        assertTrue(isAddressOrRange("10.0.0.0/8"));
        assertTrue(isAddressOrRange("::1/128"));
        assertTrue(isAddressOrRange("fd00::/8"));
        assertFalse(isAddressOrRange("::1"));
        assertFalse(isAddressOrRange("ingress.local"));
    }

    private static boolean isAddressOrRange(String entry) {
        return IPV4.matcher(entry).matches() || IPV4_CIDR.matcher(entry).matches() || IPV6_CIDR.matcher(entry).matches();
    }
}
