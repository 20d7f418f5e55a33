<?php
/**
 * Times the recorder's write (Usage_Repository::insert of one row) on a site, N times; prints
 * the milliseconds as JSON and deletes the rows it wrote.
 *   php tests/bench/usage-write.php SITE_DIR N
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

[ , $site, $n ] = $argv;
$_SERVER['HTTP_HOST'] = 'localhost';
require $site . '/wp-load.php';

$repo = new AgenticWriter\Usage\Usage_Repository();
$ms   = array();
for ( $i = 0; $i < (int) $n + 10; $i++ ) {
	$row = array(
		'request_id'        => 'bench-write-' . $i,
		'task_type'         => 'chat',
		'provider'          => 'openrouter',
		'model'             => 'openai/gpt-4o-mini',
		'tokens_prompt'     => 1200,
		'tokens_completion' => 300,
		'tokens_total'      => 1500,
		'cost_usd'          => 0.00036,
		'cost_kind'         => 'metered',
		'latency_ms'        => 1800,
		'ttft_ms'           => 420,
		'status'            => 'ok',
	);
	$t0 = hrtime( true );
	$repo->insert( $row );
	if ( $i >= 10 ) {
		$ms[] = ( hrtime( true ) - $t0 ) / 1e6;
	}
}
global $wpdb;
$wpdb->query( "DELETE FROM {$wpdb->prefix}agentic_writer_usage WHERE request_id LIKE 'bench-write-%'" ); // phpcs:ignore
echo wp_json_encode( $ms ), "\n";
