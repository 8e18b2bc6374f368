// SPDX-License-Identifier: GPL-2.0-or-later
import java.nio.file.*
Path gen = basedir.toPath().resolve('target/generated-sources/qapi4j/com/example/job/qapi')
for (name in ['JobStatus', 'JobType', 'JobInfo']) {
    assert Files.isRegularFile(gen.resolve(name + '.java')) : "no generated ${name}.java"
}
assert Files.isRegularFile(basedir.toPath().resolve('target/classes/example/JobReport.class'))

// The plugin as installed: the generator inside its jar, and a flat POM (no parent, no
// dependencies), which is what keeps Maven's cost of loading it small (docs/PERFORMANCE.md).
Path pluginDir = localRepositoryPath.toPath().resolve('io/github/qapi4j/qapi4j-maven-plugin')
Path pom = Files.walk(pluginDir).filter { it.toString().endsWith('.pom') }.findFirst().orElseThrow()
def model = new groovy.xml.XmlSlurper().parse(pom.toFile())
assert model.parent.size() == 0 : "installed plugin POM has a parent: ${pom}"
assert model.dependencies.dependency.size() == 0 : "installed plugin POM has dependencies: ${pom}"
Path jar = Files.walk(pluginDir).filter { it.toString().endsWith('.jar') }.findFirst().orElseThrow()
new java.util.zip.ZipFile(jar.toFile()).withCloseable { zip ->
    assert zip.getEntry('io/github/qapi4j/generator/Generator.class') != null : "generator not inside ${jar}"
    assert zip.getEntry('META-INF/maven/plugin.xml') != null
}
return true
