def log = new File(basedir, 'build.log').text
def expect = { String s -> assert log.contains(s) : "build.log lacks: " + s }
expect('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
expect('=out=')
expect(' -Dit.marker=kept -Xss1m')
assert new File(basedir, 'target/threadcheck/default/threadcheck-report.json').isFile()
true
