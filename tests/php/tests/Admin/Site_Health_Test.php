<?php
/**
 * Tools → Site Health: the local backend test (asynchronous, over its REST route), the keys and
 * usage table tests (direct, as the Site Health screen runs them).
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Admin;

use AgenticWriter\Admin\Site_Health;
use AgenticWriter\Settings\Settings;
use AgenticWriter\Tests\Http_Client;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Usage_Table;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Each test good and bad, against the running site.
 */
final class Site_Health_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/site-health/local-backend';

	/**
	 * Whether the test dropped the usage table.
	 *
	 * @var bool
	 */
	private bool $dropped_table = false;

	/**
	 * Puts the usage table back (DDL: after the base class's cleanup).
	 */
	protected function tear_down_ddl(): void {
		if ( $this->dropped_table ) {
			Usage_Table::install();
		}
	}

	/**
	 * The local backend test as the Site Health screen fetches it.
	 *
	 * @return array<string,mixed>
	 */
	private function local_backend_check(): array {
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame( Site_Health::TEST_LOCAL_BACKEND, $response['json']['test'] );
		$this->assertSame( 'Agentic Writer', $response['json']['badge']['label'] );
		return $response['json'];
	}

	/**
	 * Points the local backend at a port nothing listens on.
	 *
	 * @param string $text_provider Provider simple mode sends text tasks to first.
	 */
	private function configure_closed_backend( string $text_provider ): string {
		$base = self::closed_port_url();
		$this->configure(
			array(
				'routing'   => array( 'simple' => array( 'text' => $text_provider ) ),
				'providers' => array(
					'local_backend' => array(
						'base_url' => $base,
						'api_key'  => 'local-test-0123456789',
					),
				),
			)
		);
		return $base;
	}

	/**
	 * Reachable (the mock answers /ping and /v1/models): good, and it really asked.
	 */
	public function test_reachable_local_backend_is_good(): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'local_backend' ) ) ) );
		$result = $this->local_backend_check();
		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertSame( 'The Agentic Writer local backend answers', $result['label'] );
		$this->assertNotEmpty( $this->mock_requests( '/ping' ), 'the test asked the backend' );
	}

	/**
	 * First choice for text and unreachable: critical, with how to start it and what to check.
	 */
	public function test_unreachable_local_backend_is_critical_when_routed_first(): void {
		$base   = $this->configure_closed_backend( 'local_backend' );
		$result = $this->local_backend_check();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'The Agentic Writer local backend cannot be reached', $result['label'] );
		$this->assertStringContainsString( './start.sh', $result['description'] );
		$this->assertStringContainsString( $base, $result['description'] );
		$this->assertStringContainsString( 'admin.php?page=agentic-writer', $result['actions'] );
	}

	/**
	 * Only a fallback (it has a key, another provider comes first): recommended.
	 */
	public function test_unreachable_fallback_backend_is_recommended(): void {
		$this->configure_closed_backend( 'openrouter' );
		$result = $this->local_backend_check();
		$this->assertSame( 'recommended', $result['status'], wp_json_encode( $result ) );
	}

	/**
	 * Cloud mode never sends work to it: nothing to reach, nothing asked.
	 */
	public function test_local_backend_out_of_use_is_not_checked(): void {
		$this->configure( array( 'provider_mode' => 'cloud' ) );
		$result = $this->local_backend_check();
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'Agentic Writer does not use a local backend', $result['label'] );
		$this->assertSame( array(), $this->mock_requests( '/ping' ) );
	}

	/**
	 * The route is for those who may see Site Health.
	 */
	public function test_route_refuses_other_roles(): void {
		foreach ( array( 'editor' => 403, 'subscriber' => 403, 'anonymous' => 401 ) as $who => $status ) {
			$response = $this->rest( 'GET', self::ROUTE, 'anonymous' === $who ? null : $who );
			$this->assertSame( $status, $response['status'], $who );
			$this->assertSame( 'agentic_writer_forbidden', $response['json']['code'], $who );
		}
	}

	/**
	 * The Site Health screen lists the asynchronous test and runs both direct ones: good.
	 */
	public function test_screen_shows_keys_and_table_good(): void {
		$status = $this->site_health_screen();
		$this->assertContains( rest_url( 'agentic-writer/v1/site-health/local-backend' ), array_column( $status['async'], 'test' ) );
		$keys = $this->direct_result( $status, Site_Health::TEST_KEYS );
		$this->assertSame( 'good', $keys['status'], $keys['description'] );
		$this->assertSame( 'Agentic Writer', $keys['badge']['label'] );
		$table = $this->direct_result( $status, Site_Health::TEST_USAGE_TABLE );
		$this->assertSame( 'good', $table['status'], $table['description'] );
	}

	/**
	 * A key that no longer decrypts: critical, naming the provider and saying to enter it again.
	 */
	public function test_screen_names_an_undecryptable_key(): void {
		wp_cache_flush();
		$stored = get_option( Settings::OPTION );
		$stored['providers']['anthropic']['api_key'] = 'aw1:' . base64_encode( random_bytes( 60 ) );
		update_option( Settings::OPTION, $stored, true );

		$keys = $this->direct_result( $this->site_health_screen(), Site_Health::TEST_KEYS );
		$this->assertSame( 'critical', $keys['status'] );
		$this->assertStringContainsString( 'The stored API key of Anthropic cannot be decrypted', $keys['description'] );
		$this->assertStringNotContainsString( 'OpenRouter', $keys['description'], 'only the broken one is named' );
		$this->assertStringContainsString( 'Enter the key again', $keys['description'] );
		$this->assertStringContainsString( 'admin.php?page=agentic-writer', $keys['actions'] );
	}

	/**
	 * No usage table: critical, saying that re-activation creates it.
	 */
	public function test_screen_reports_a_missing_usage_table(): void {
		global $wpdb;
		$this->dropped_table = true;
		// Dropped behind the plugin's back: its schema version stays, so nothing re-creates it.
		$this->query_or_fail( 'DROP TABLE ' . Usage_Table::name() );
		$this->assertFalse( Usage_Table::exists() );
		$this->assertNotSame( 0, Usage_Table::stored_version(), $wpdb->last_error );

		$table = $this->direct_result( $this->site_health_screen(), Site_Health::TEST_USAGE_TABLE );
		$this->assertSame( 'critical', $table['status'] );
		$this->assertSame( 'The Agentic Writer usage table is missing', $table['label'] );
		$this->assertStringContainsString( 'Deactivate and reactivate Agentic Writer', $table['description'] );
		$this->assertStringContainsString( 'plugins.php', $table['actions'] );
	}

	/**
	 * One direct result from the screen's data.
	 *
	 * @param array<string,mixed> $status site_status of the screen.
	 * @param string              $test   Test id.
	 * @return array<string,mixed>
	 */
	private function direct_result( array $status, string $test ): array {
		$found = array_values( array_filter( $status['direct'], static fn ( $r ): bool => is_array( $r ) && ( $r['test'] ?? '' ) === $test ) );
		$this->assertCount( 1, $found, "{$test} among the direct results" );
		return $found[0];
	}

	/**
	 * Logs in as the administrator and opens Tools → Site Health: WordPress runs the direct
	 * tests there and hands their results, and the asynchronous tests, to the page's script.
	 *
	 * @return array<string,mixed> The `site_status` the page received.
	 */
	private function site_health_screen(): array {
		$jar = (string) tempnam( sys_get_temp_dir(), 'aw-cookies' );
		try {
			$credentials = Site::credentials( 'admin' );
			Http_Client::page( '/wp-login.php', $jar, array( 'log' => $credentials['login'], 'pwd' => $credentials['password'], 'testcookie' => '1' ) );
			$page = Http_Client::page( '/wp-admin/site-health.php', $jar );
		} finally {
			unlink( $jar );
		}
		$this->assertSame( 200, $page['status'] );
		$this->assertMatchesRegularExpression( '/var SiteHealth = (\{.*?\});\n/s', $page['body'], 'the Site Health screen, logged in' );
		preg_match( '/var SiteHealth = (\{.*?\});\n/s', $page['body'], $match );
		$data = json_decode( $match[1], true );
		$this->assertIsArray( $data['site_status'] ?? null );
		return $data['site_status'];
	}

}
