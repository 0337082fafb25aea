package cn.worksafety.training;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.PageInfo;

public record TrainingGapConnection(@NonNull List<@NonNull TrainingGapEdge> edges, @NonNull PageInfo pageInfo, @NonNull int totalCount) {

    public record TrainingGapEdge(@NonNull String cursor, @NonNull TrainingGap node) {
    }

    /** The keyset position of a gap: person id, then rule id. Opaque to clients like every cursor. */
    record Key(long personId, long ruleId) {

        static final Key START = new Key(0, 0);

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("g|" + personId + "|" + ruleId).getBytes(StandardCharsets.UTF_8));
        }

        static Key decode(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return START;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
                if (parts.length != 3 || !"g".equals(parts[0])) {
                    throw new IllegalArgumentException("not a gap cursor");
                }
                return new Key(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("The cursor 'after' is not one this service issued for training gaps.");
            }
        }
    }
}
