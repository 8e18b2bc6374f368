// SPDX-License-Identifier: GPL-2.0-or-later
import java.nio.file.*
String log = new File(basedir, 'build.log').getText('UTF-8')
def m = log =~ /\[INFO\] qapi4j: (\d+) files generated/
assert m.find() : 'the plugin did not generate'
println "qemu-10.2.50: ${m.group(1)} files generated"
Path state = basedir.toPath().resolve('target/qapi4j/default.state')
def inputs = Files.readAllLines(state).findAll { it.startsWith('input ') }
assert inputs.size() > 40 : "expected the schema's included files as inputs, saw ${inputs.size()}"
return true
