// SPDX-License-Identifier: GPL-2.0-or-later
import java.nio.file.*
Path gen = basedir.toPath().resolve('target/generated-sources/qapi4j/com/example/job/qapi')
for (name in ['JobStatus', 'JobType', 'JobInfo']) {
    assert Files.isRegularFile(gen.resolve(name + '.java')) : "no generated ${name}.java"
}
assert Files.isRegularFile(basedir.toPath().resolve('target/classes/example/JobReport.class'))
return true
