// SPDX-License-Identifier: GPL-2.0-or-later
import java.nio.file.*
String log = new File(basedir, 'build.log').getText('UTF-8')
def upToDate = (log =~ /\[INFO\] qapi4j: bindings up to date/).count
def generated = (log =~ /\[INFO\] qapi4j: \d+ files generated/).count
assert generated == 2 : "expected runs 1 and 3 to generate, saw ${generated}"
assert upToDate == 1 : "expected run 2 to be a no-op, saw ${upToDate}"
Path state = basedir.toPath().resolve('target/qapi4j/default.state')
assert Files.isRegularFile(state)
List<String> outputs = Files.readAllLines(state).findAll { it.startsWith('output ') }.collect { it.substring(7) }
Path gen = basedir.toPath().resolve('target/generated-sources/qapi4j')
outputs.each { assert Files.isRegularFile(gen.resolve(it)) : "missing ${it}" }
assert log =~ /\[INFO\] qapi4j: 1 files generated .* \([1-9]\d* stale removed\)/ : "run 3 removed nothing"
// Whatever run 1 generated for Point (only in types.json) is gone after run 3.
if (Files.isDirectory(gen)) Files.walk(gen).withCloseable { s -> assert !s.anyMatch { it.fileName.toString().startsWith('Point') } : 'stale Point file' }
return true
