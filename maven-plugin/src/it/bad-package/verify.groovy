// SPDX-License-Identifier: GPL-2.0-or-later
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("qapi4j: invalid packageName: 'com.example.class' is not a valid Java package name") : 'no message in the log'
assert !(log =~ /\n\s+at [a-z]+\./) : 'stack trace in the log'
assert !new File(basedir, 'target/generated-sources/qapi4j').exists()
return true
