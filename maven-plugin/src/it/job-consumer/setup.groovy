// SPDX-License-Identifier: GPL-2.0-or-later
// The schema is the one the project ships: copy it into the default schema directory.
import java.nio.file.*
Path dir = basedir.toPath().resolve('src/main/qapi')
Files.createDirectories(dir)
Files.copy(Paths.get(repoRoot, 'schema', 'job.json'), dir.resolve('job.json'), StandardCopyOption.REPLACE_EXISTING)
return true
