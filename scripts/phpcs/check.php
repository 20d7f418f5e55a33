<?php
/**
 * Keeps the stand-in sniffs and the plugin's phpcs:ignore comments honest (run by lint-php.sh):
 *
 * 1. each fixture in fixtures/ is reported exactly on its `// expect: CODE` lines, so every
 *    sniff flags its bad cases, leaves the good ones alone and is silenced by its ignore comment;
 * 2. every `phpcs:ignore WordPress.…` comment in plugin/ silences something: with the comment
 *    taken out, phpcs (project ruleset) reports the rule it names.
 *
 * Usage: php scripts/phpcs/check.php [--verbose]   (exit 1 on any mismatch; --verbose lists what
 *        each ignore comment silences)
 *
 * @package AgenticWriter\PHPCS
 */

$repo     = dirname( __DIR__, 2 );
$failures = array();

/**
 * Runs phpcs and returns [ path => [ [ line, source ], … ] ].
 *
 * @param string[] $args Arguments after `phpcs`.
 * @return array<string,array<int,array{0:int,1:string}>>
 */
function aw_phpcs( array $args ): array {
	$cmd = 'phpcs -q --report=json ' . implode( ' ', array_map( 'escapeshellarg', $args ) );
	$out = json_decode( (string) shell_exec( $cmd ), true );
	if ( ! is_array( $out ) ) {
		fwrite( STDERR, "phpcs gave no JSON: {$cmd}\n" );
		exit( 1 );
	}
	$found = array();
	foreach ( $out['files'] as $path => $file ) {
		foreach ( $file['messages'] as $m ) {
			$found[ $path ][] = array( (int) $m['line'], (string) $m['source'] );
		}
	}
	return $found;
}

// 1. Fixtures, each against its own sniff only.
$fixtures = glob( __DIR__ . '/fixtures/*.php' );
foreach ( $fixtures as $fixture ) {
	$lines = file( $fixture, FILE_IGNORE_NEW_LINES );
	preg_match( '/Fixture for (WordPress\.\w+\.\w+):/', $lines[1] ?? '', $sniff );
	$expected = array();
	foreach ( $lines as $i => $line ) {
		if ( preg_match( '#// expect: (\S+)$#', $line, $m ) ) {
			$expected[] = ( $i + 1 ) . ' ' . $m[1];
		}
	}
	if ( ! isset( $sniff[1] ) || array() === $expected ) {
		$failures[] = basename( $fixture ) . ': no "Fixture for CODE" header or no expect line';
		continue;
	}
	$found  = aw_phpcs( array( '--standard=' . __DIR__ . '/WordPress', '--sniffs=' . $sniff[1], $fixture ) );
	$actual = array_map( static fn ( array $f ): string => $f[0] . ' ' . $f[1], $found[ $fixture ] ?? array() );
	foreach ( array_diff( $expected, $actual ) as $miss ) {
		$failures[] = basename( $fixture ) . ": not reported: line {$miss}";
	}
	foreach ( array_diff( $actual, $expected ) as $extra ) {
		$failures[] = basename( $fixture ) . ": reported but not expected (a false positive, or an ignore that did not silence it): line {$extra}";
	}
}

// 2. Every WordPress ignore in the plugin, taken out one at a time (one phpcs run over copies).
$tmp    = sys_get_temp_dir() . '/aw-phpcs-ignores-' . getmypid();
$copies = array();
$files  = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $repo . '/plugin/src', FilesystemIterator::SKIP_DOTS ) );
foreach ( $files as $file ) {
	if ( 'php' !== $file->getExtension() ) {
		continue;
	}
	$lines = file( $file->getPathname() );
	foreach ( $lines as $i => $line ) {
		if ( ! preg_match( '#(\s*//\s*phpcs:ignore\s+((?:WordPress\.[\w.]+(?:,\s*)?)+).*)$#', rtrim( $line, "\n" ), $m ) ) {
			continue;
		}
		$copy   = $lines;
		$kept   = substr( rtrim( $line, "\n" ), 0, -strlen( $m[1] ) );
		$copy[ $i ] = '' === trim( $kept ) ? "\n" : $kept . "\n";
		$path   = $tmp . '/' . count( $copies ) . '/' . substr( $file->getPathname(), strlen( $repo ) + 1 );
		@mkdir( dirname( $path ), 0777, true ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- exists from an earlier copy.
		file_put_contents( $path, implode( '', $copy ) );
		$copies[ $path ] = array(
			'where' => substr( $file->getPathname(), strlen( $repo ) + 1 ) . ':' . ( $i + 1 ),
			'rules' => preg_split( '/,\s*/', trim( $m[2], ", \t" ) ),
		);
	}
}
if ( array() !== $copies ) {
	$found = aw_phpcs( array_merge( array( '--standard=' . $repo . '/phpcs.xml.dist' ), array_keys( $copies ) ) );
	foreach ( $copies as $path => $ignore ) {
		$sources = array_column( $found[ $path ] ?? array(), 1 );
		foreach ( $ignore['rules'] as $rule ) {
			$hit = array_filter( $sources, static fn ( string $s ): bool => $s === $rule || str_starts_with( $s, $rule . '.' ) );
			if ( array() === $hit ) {
				$failures[] = "{$ignore['where']}: phpcs:ignore {$rule} silences nothing (remove it, or the sniff misses the case)";
			} elseif ( in_array( '--verbose', $argv, true ) ) {
				printf( "%s  without its ignore: %s\n", $ignore['where'], implode( ', ', array_unique( $hit ) ) );
			}
		}
	}
}
exec( 'rm -rf ' . escapeshellarg( $tmp ) );

if ( array() !== $failures ) {
	fwrite( STDERR, implode( "\n", $failures ) . "\n" );
	exit( 1 );
}
printf( "phpcs stand-ins: %d fixtures as expected; %d WordPress ignore comments each silence what they name.\n", count( $fixtures ), count( $copies ) );
