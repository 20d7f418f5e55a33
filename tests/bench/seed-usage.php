<?php
/**
 * Seeds a bench site's usage table with N rows over the last 30 days (idempotent: tops up to N).
 *   php tests/bench/seed-usage.php SITE_DIR N
 * SQLite: straight into the database file with PDO (the drop-in would parse every statement);
 * MariaDB: multi-row INSERTs through $wpdb. Rows are deterministic (seeded random numbers).
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

[ , $site, $wanted ] = $argv;
$_SERVER['HTTP_HOST'] = 'localhost';
require $site . '/wp-load.php';

global $wpdb;
$table = $wpdb->prefix . 'agentic_writer_usage';
$have  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE source = 'bench'" ); // phpcs:ignore
$need  = (int) $wanted - $have;
fwrite( STDERR, "usage rows: {$have} seeded, {$need} to add\n" );
if ( $need <= 0 ) {
	exit( 0 );
}
mt_srand( 42 + $have );
$providers = array( 'openrouter', 'anthropic', 'local_backend', 'openai_compatible:lab', 'openai_compatible:ollama' );
$models    = array( 'openai/gpt-4o-mini', 'openai/gpt-4o', 'anthropic/claude-sonnet-4.5', 'sonnet', 'llama3.1:8b', 'claude-haiku-4-5', 'gpt-4o-mini', 'qwen2.5' );
$tasks     = array( 'chat', 'clarity', 'planning', 'writing', 'refinement', 'image' );
$kinds     = array( 'metered', 'estimated', 'subscription', 'local' );
$now       = time();
$row       = static function () use ( $providers, $models, $tasks, $kinds, $now ): array {
	$status = mt_rand( 1, 100 );
	$status = $status <= 90 ? 'ok' : ( $status <= 95 ? 'error' : 'fallback' );
	$in     = mt_rand( 50, 8000 );
	$out    = 'error' === $status ? 0 : mt_rand( 10, 3000 );
	$kind   = $kinds[ mt_rand( 0, 3 ) ];
	return array(
		gmdate( 'Y-m-d H:i:s', $now - mt_rand( 0, 30 * 86400 - 1 ) ),
		mt_rand( 1, 20 ),
		mt_rand( 0, 500 ),
		bin2hex( random_bytes( 16 ) ),
		$tasks[ mt_rand( 0, 5 ) ],
		$providers[ mt_rand( 0, 4 ) ],
		$models[ mt_rand( 0, 7 ) ],
		$in,
		$out,
		$in + $out,
		'local' === $kind ? null : round( ( $in * 3 + $out * 15 ) / 1e6, 8 ),
		$kind,
		mt_rand( 150, 30000 ),
		'error' === $status || mt_rand( 0, 3 ) === 0 ? null : mt_rand( 40, 3000 ),
		$status,
		'fallback' === $status ? 'local_backend' : '',
		'error' === $status ? 'timeout' : '',
		'bench',
		1,
	);
};
$columns = 'created_at, user_id, post_id, request_id, task_type, provider, model, tokens_prompt, tokens_completion, tokens_total, cost_usd, cost_kind, latency_ms, ttft_ms, status, fallback_from, error_code, source, attempt';
$start   = microtime( true );
if ( defined( 'DB_FILE' ) && defined( 'DB_DIR' ) ) {
	$pdo = new PDO( 'sqlite:' . DB_DIR . DB_FILE );
	$pdo->setAttribute( PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION );
	$pdo->exec( 'PRAGMA synchronous = OFF' );
	$insert = $pdo->prepare( "INSERT INTO {$table} ({$columns}) VALUES (" . implode( ', ', array_fill( 0, 19, '?' ) ) . ')' );
	$pdo->beginTransaction();
	for ( $i = 1; $i <= $need; $i++ ) {
		$insert->execute( $row() );
		if ( 0 === $i % 50000 ) {
			$pdo->commit();
			$pdo->beginTransaction();
			fwrite( STDERR, sprintf( "  %d rows, %.0f s\n", $i, microtime( true ) - $start ) );
		}
	}
	$pdo->commit();
	$pdo->exec( 'ANALYZE' );
} else {
	$batch = array();
	for ( $i = 1; $i <= $need; $i++ ) {
		$values  = array_map( static fn ( $v ) => null === $v ? 'NULL' : ( is_int( $v ) || is_float( $v ) ? (string) $v : "'" . esc_sql( $v ) . "'" ), $row() );
		$batch[] = '(' . implode( ', ', $values ) . ')';
		if ( count( $batch ) === 2000 || $i === $need ) {
			$wpdb->query( "INSERT INTO {$table} ({$columns}) VALUES " . implode( ', ', $batch ) ); // phpcs:ignore
			$batch = array();
		}
		if ( 0 === $i % 50000 ) {
			fwrite( STDERR, sprintf( "  %d rows, %.0f s\n", $i, microtime( true ) - $start ) );
		}
	}
	$wpdb->query( "ANALYZE TABLE {$table}" ); // phpcs:ignore
}
fwrite( STDERR, sprintf( "seeded %d rows in %.1f s\n", $need, microtime( true ) - $start ) );
