// The deadlocked test JVM was ended by the agent (exit status 86), the report names the cycle
// with the lines of both synchronized blocks, and the build failed instead of hanging.
def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('BUILD FAILURE')
def report = new File(basedir, 'target/threadcheck/default/threadcheck-report.json')
assert report.isFile() : "no report at " + report
def json = new groovy.json.JsonSlurper().parse(report)
def occurred = json.deadlocks.findAll { it.status == 'occurred' }
assert occurred.size() == 1 : "expected one deadlock that occurred: " + json.deadlocks
assert occurred[0].cycle*.thread.sort() == ['a-to-b', 'b-to-a']
assert occurred[0].cycle.every { it.acquired.site.file == 'DeadlockTest.java' && it.acquired.site.line == 29 }
true
