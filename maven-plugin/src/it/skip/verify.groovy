def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.count('threadcheck: skipped (threadcheck.skip)') == 2 : 'prepare-agent and check must both say they skipped'
assert !log.contains('-javaagent:') : 'the agent was put on the command line despite threadcheck.skip'
assert !new File(basedir, 'target/threadcheck').exists()
true
