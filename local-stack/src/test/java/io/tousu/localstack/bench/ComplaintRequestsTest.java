package io.tousu.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComplaintRequestsTest {

    private static final Pattern FIELD = Pattern.compile("\"(channelRef|province|msisdn|description)\":\"([^\"]*)\"");

    @Test
    void everyComplaintIsNewAndProvincesRotate() {
        ComplaintRequests requests = ComplaintRequests.startingAt("run1", 99_999_998);
        Set<String> refs = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        Set<String> provinces = new HashSet<>();

        for (int i = 0; i < 12; i++) {
            Matcher fields = FIELD.matcher(requests.next());
            while (fields.find()) {
                switch (fields.group(1)) {
                    case "channelRef" -> refs.add(fields.group(2));
                    case "msisdn" -> numbers.add(fields.group(2));
                    case "description" -> descriptions.add(fields.group(2));
                    default -> provinces.add(fields.group(2));
                }
            }
        }

        assertThat(refs).hasSize(12);
        assertThat(numbers).hasSize(12).allMatch(n -> n.matches("139[0-9]{8}"))
                .contains("13999999998", "13999999999", "13900000000");
        assertThat(descriptions).hasSize(12);
        assertThat(provinces).containsExactlyInAnyOrderElementsOf(ComplaintRequests.PROVINCES);
    }

    @Test
    void theBodyIsWhatIntakeTakes() {
        assertThat(ComplaintRequests.startingAt("abc", 12_345_678).next()).isEqualTo("{\"channel\":\"HOTLINE\","
                + "\"channelRef\":\"bench-abc-0\",\"province\":\"GD\",\"city\":\"Shenzhen\","
                + "\"customer\":{\"msisdn\":\"13912345678\",\"tier\":\"GOTONE\"},\"category\":\"BILLING_DISPUTE\","
                + "\"subcategory\":\"DOUBLE_CHARGE\",\"description\":\"charged twice for the monthly fee, reference abc-0\"}");
    }
}
