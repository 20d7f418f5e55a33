<?php
/**
 * Budgets over real HTTP: the refusal, local-only routing at the cap, parallel requests near
 * the cap, the alert notice.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Usage;

use AgenticWriter\Admin\Budget_Notice;
use AgenticWriter\Tests\Support\Parallel_Http;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Budget_Alerts;
use AgenticWriter\Usage\Usage_Repository;
use AgenticWriter\Usage\Usage_Table;
use WP_Application_Passwords;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';
require_once dirname( __DIR__ ) . '/Support/Parallel_Http.php';

/**
 * Each test has its own author, so its user cap counts only its own rows.
 */
final class Budgets_Test extends Provider_Http_Test_Case {

	/**
	 * The test's author: id, login, app_password.
	 *
	 * @var array{id:int,login:string,app_password:string}
	 */
	private array $author;

	/**
	 * A fresh author with an application password; the budget fixture installed.
	 */
	protected function setUp(): void {
		parent::setUp();
		$login = 'aw-budget-' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password(),
				'user_email' => $login . '@example.com',
				'role'       => 'author',
			)
		);
		$this->assertIsInt( $id );
		[ $password ]  = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'budget test' ) );
		$this->author = array(
			'id'           => $id,
			'login'        => $login,
			'app_password' => $password,
		);
		copy( dirname( __DIR__, 2 ) . '/fixtures/mu-plugins/agentic-writer-test-budget.php', $GLOBALS['aw_test_site']['path'] . '/wp-content/mu-plugins/agentic-writer-test-budget.php' );
		delete_option( Budget_Alerts::OPTION );
	}

	/**
	 * The author's rows, the author, the fixture, the alerts go.
	 */
	protected function tearDown(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Usage_Table::name() . ' WHERE user_id = %d', $this->author['id'] ) );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $this->author['id'] );
		@unlink( $GLOBALS['aw_test_site']['path'] . '/wp-content/mu-plugins/agentic-writer-test-budget.php' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors
		delete_option( 'aw_test_budget_reserve_usd' );
		delete_option( Budget_Alerts::OPTION );
		parent::tearDown();
	}

	/**
	 * Spend of the author today.
	 *
	 * @param float $usd Dollars.
	 */
	private function spent( float $usd ): void {
		( new Usage_Repository() )->insert(
			array(
				'request_id' => wp_generate_uuid4(),
				'user_id'    => $this->author['id'],
				'task_type'  => 'chat',
				'provider'   => 'openrouter',
				'model'      => 'openai/gpt-4o-mini',
				'cost_usd'   => $usd,
				'cost_kind'  => 'metered',
				'status'     => 'ok',
			)
		);
	}

	/**
	 * At the user's cap, with refuse: a 429 that says which cap and when it resets, recorded.
	 */
	public function test_refusal_names_the_cap_and_the_reset(): void {
		$this->configure( array( 'budgets' => array( 'user_daily_usd' => 0.01, 'at_cap' => 'refuse' ) ) );
		$this->spent( 0.02 );
		$response = $this->rest( 'POST', '/agentic-writer/v1/generate', $this->author, array( 'task' => 'chat', 'prompt' => 'Over budget?' ) );
		$this->assertSame( 429, $response['status'], $response['body'] );
		$this->assertSame( 'agentic_writer_budget_exceeded', $response['json']['code'] );
		$data     = $response['json']['data'];
		$tomorrow = ( new \DateTimeImmutable( 'tomorrow', wp_timezone() ) )->format( 'c' );
		$this->assertSame( array( 'user_daily', 0.01, $tomorrow ), array( $data['cap'], $data['limit_usd'], $data['resets_at'] ) );
		$this->assertStringContainsString( 'your daily budget', $response['json']['message'] );
		$this->assertStringContainsString( 'resets at', $response['json']['message'] );
		$this->assertSame( array(), $this->mock_requests( '/api/v1/chat/completions' ), 'no upstream call' );
		$rows = $this->usage_rows( (string) $data['request_id'] );
		$this->assertSame( array( 'error', 'budget_exceeded' ), array( $rows[0]['status'], $rows[0]['error_code'] ) );
		$this->assertTrue( Budget_Alerts::current()[ array_key_first( Budget_Alerts::current() ) ]['reached'] );
		wp_set_current_user( \AgenticWriter\Tests\Site::user( 'admin' )->ID );
		ob_start();
		( new Budget_Notice() )->render();
		$this->assertStringContainsString( 'user daily budget is used up', (string) ob_get_clean() );
	}

	/**
	 * At the cap with local_only, the request is served by a local provider.
	 */
	public function test_local_only_at_the_cap(): void {
		$this->configure( array( 'budgets' => array( 'role_daily_usd' => array( 'author' => 0.01 ), 'at_cap' => 'local_only' ) ) );
		$this->spent( 0.02 );
		$response = $this->rest( 'POST', '/agentic-writer/v1/generate', $this->author, array( 'task' => 'chat', 'prompt' => 'Locally, please' ) );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertContains( $response['json']['provider'], array( 'local_backend', 'openai_compatible:lab' ) );
		$this->assertSame( array(), $this->mock_requests( '/api/v1/chat/completions' ), 'OpenRouter not called' );
		$under = $this->rest( 'POST', '/agentic-writer/v1/generate', 'admin', array( 'task' => 'chat', 'prompt' => 'Not capped' ) );
		$this->assertSame( 'openrouter', $under['json']['provider'], 'another user is under no cap' );
	}

	/**
	 * 20 requests at once with room for 2 in the cap (fewer than the web server runs at once): each admitted request holds its expected
	 * cost while in flight, so no more than 2 are served in all and the spend stays within the
	 * cap; the others are refused.
	 */
	public function test_parallel_requests_near_the_cap(): void {
		$body   = array(
			'task'   => 'chat',
			'prompt' => 'Parallel near the cap [[mock:delay=1500]]',
		);
		$warmup = $this->rest( 'POST', '/agentic-writer/v1/generate', $this->author, $body );
		$this->assertSame( 200, $warmup['status'], $warmup['body'] );
		$cost = (float) $warmup['json']['usage']['cost_usd'];
		$this->assertGreaterThan( 0, $cost );
		update_option( 'aw_test_budget_reserve_usd', (string) $cost );
		$cap = $cost * 3.5;
		$this->configure( array( 'budgets' => array( 'user_daily_usd' => $cap, 'at_cap' => 'refuse' ) ) );
		$this->mock( 'POST', '/__mock/reset' );
		$http = new Parallel_Http();
		for ( $i = 0; $i < 20; $i++ ) {
			$http->add( "r{$i}", 'POST', '/agentic-writer/v1/generate', $this->author, $body );
		}
		$this->assertTrue( $http->run( null, 120 ) );
		$counts = array_count_values( array_map( static fn ( string $k ): int => $http->result( $k )['status'], $http->keys() ) );
		$this->assertSame( 20, ( $counts[200] ?? 0 ) + ( $counts[429] ?? 0 ), (string) wp_json_encode( $counts ) );
		$this->assertSame( 2, $counts[200] ?? 0, 'room for 2 after the warm-up: ' . wp_json_encode( $counts ) );
		foreach ( $http->keys() as $k ) {
			if ( 429 === $http->result( $k )['status'] ) {
				$this->assertSame( 'agentic_writer_budget_exceeded', $http->result( $k )['json']['code'] );
			}
		}
		$this->assertCount( 2, $this->mock_requests( '/api/v1/chat/completions' ) );
		$spent = ( new \AgenticWriter\Usage\Usage_Queries() )->billed_since( '2000-01-01 00:00:00', array( $this->author['id'] ) );
		$this->assertLessThanOrEqual( $cap + 1e-9, $spent );
	}
}
