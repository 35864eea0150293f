def jvmReports = { String dir -> (new File(basedir, dir).listFiles() ?: []).findAll { it.name ==~ /jvm-[0-9]+/ }.collect { new File(it, 'threadcheck-report.json') }.findAll { it.isFile() } }
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
expect(', 0 data race(s)')
// Both agents wrote their output: neither displaced the other.
assert new File(basedir, 'target/jacoco.exec').isFile() : 'JaCoCo wrote no target/jacoco.exec'
assert jvmReports('target/threadcheck/default').size() == 1 : 'expected one report, in target/threadcheck/default/jvm-<pid>/'
true
