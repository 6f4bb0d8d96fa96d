package io.tousu.localstack;

import io.tousu.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./tousu token}: prints a bearer token signed with the LOCAL DEVELOPMENT key, which only
 * the local stack, dev mode and tests trust. Options: {@code --role r[,r]} (default
 * agent,supervisor), {@code --province GD} (default GD; {@code none} for a national token),
 * {@code --team T}, {@code --user U}, {@code --hours N}.
 */
public final class TokenMain {

    private TokenMain() {
    }

    public static void main(String[] args) {
        List<String> roles = List.of("agent", "supervisor");
        String province = "GD";
        String team = null;
        String user = "dev-user";
        long hours = 8;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role", "--roles" -> roles = new ArrayList<>(Arrays.asList(require(args[i], value).split(",")));
                case "--province" -> province = "none".equals(require(args[i], value)) ? null : value;
                case "--team" -> team = require(args[i], value);
                case "--user" -> user = require(args[i], value);
                case "--hours" -> hours = Long.parseLong(require(args[i], value));
                default -> {
                    System.err.println("tousu token: unknown option " + args[i]
                            + " (use --role, --province, --team, --user, --hours)");
                    System.exit(2);
                }
            }
            i++;
        }
        if (province == null && !roles.contains("national")) {
            roles.add("national");
        }
        System.out.println(Tokens.mint(user, roles, province, team, Duration.ofHours(hours)));
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            System.err.println("tousu token: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }
}
