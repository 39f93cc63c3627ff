package dev.newsharvester.export;

import dev.newsharvester.query.VersionChange;
import dev.newsharvester.store.CleanCopy;
import dev.newsharvester.store.HistoryEvent;
import dev.newsharvester.store.StoredVersion;

/**
 * What one exported row is made of: an indexed version, its clean copy, what changed since the version before it (null
 * for the first), where it stands among the URL's versions, and the URL's last lifecycle entry (null when none).
 *
 * @param number  1 for the URL's first version, counting by first sight
 * @param count   how many versions the URL has
 * @param latest  whether this is the version the URL showed last
 * @param storyId the URL's {@link StoryIds story id}, or null when the export was not asked for story ids
 */
public record ExportRow(StoredVersion version, CleanCopy.Document copy, VersionChange.Change change, int number, int count,
        boolean latest, HistoryEvent lifecycle, String storyId) {
}
