<?php
/**
 * GET editor/usage: this post's and today's running totals, exact against the rows written.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;
use AgenticWriter\Usage\Usage_Repository;
use AgenticWriter\Usage\Usage_Table;
use DateTimeImmutable;
use DateTimeZone;
use WP_Application_Passwords;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Rows are written through the repository into a post and for a user of this test alone, so
 * the totals are exact whatever other tests recorded.
 */
final class Editor_Usage_Route_Test extends Provider_Http_Test_Case {

	private const ROUTE = '/agentic-writer/v1/editor/usage';

	/** Far from UTC, so "today" in the site's zone and in UTC differ for most of the day. */
	private const TIMEZONE = 'Pacific/Kiritimati';

	/**
	 * The test's author.
	 *
	 * @var array{id:int,login:string,app_password:string}
	 */
	private array $author;

	/**
	 * Post the rows belong to.
	 *
	 * @var int
	 */
	private int $post_id;

	/**
	 * Time zone settings before the test.
	 *
	 * @var array<string,mixed>
	 */
	private array $saved_zone = array();

	/**
	 * A fresh contributor with an application password, a draft of theirs, the site's zone set.
	 */
	protected function setUp(): void {
		parent::setUp();
		$login = 'aw-usage-' . wp_generate_password( 8, false );
		$id    = wp_insert_user(
			array(
				'user_login' => $login,
				'user_pass'  => wp_generate_password(),
				'user_email' => $login . '@example.com',
				'role'       => 'contributor',
			)
		);
		$this->assertIsInt( $id );
		[ $password ]  = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'usage test' ) );
		$this->author  = array(
			'id'           => $id,
			'login'        => $login,
			'app_password' => $password,
		);
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'  => 'Usage totals',
				'post_status' => 'draft',
				'post_author' => $id,
			)
		);
		foreach ( array( 'timezone_string', 'gmt_offset' ) as $option ) {
			$this->saved_zone[ $option ] = get_option( $option );
		}
		update_option( 'timezone_string', self::TIMEZONE );
		update_option( 'gmt_offset', '' );
	}

	/**
	 * Removes the rows, the post, the user; puts the zone back.
	 */
	protected function tearDown(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- test cleanup of rows this test wrote.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Usage_Table::name() . ' WHERE user_id = %d OR post_id = %d', $this->author['id'], $this->post_id ) );
		wp_delete_post( $this->post_id, true );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $this->author['id'] );
		foreach ( $this->saved_zone as $option => $value ) {
			update_option( $option, $value );
		}
		parent::tearDown();
	}

	/**
	 * Writes one usage row.
	 *
	 * @param array<string,mixed> $row Columns that differ from a plain ok row.
	 */
	private function row( array $row ): void {
		$ok = ( new Usage_Repository() )->insert(
			$row + array(
				'request_id' => wp_generate_uuid4(),
				'task_type'  => 'chat',
				'provider'   => 'openrouter',
				'model'      => 'openai/gpt-4o-mini',
				'status'     => 'ok',
				'cost_kind'  => 'metered',
			)
		);
		$this->assertTrue( $ok );
	}

	/**
	 * A post's totals cover every author's rows of that post, and only those; a request that
	 * fell back counts once.
	 */
	public function test_post_totals_are_exact(): void {
		$other    = Site::user( 'editor' )->ID;
		$fallback = wp_generate_uuid4();
		$this->row( array( 'user_id' => $this->author['id'], 'post_id' => $this->post_id, 'tokens_prompt' => 100, 'tokens_completion' => 40, 'cost_usd' => 0.0012 ) );
		$this->row( array( 'user_id' => $other, 'post_id' => $this->post_id, 'tokens_prompt' => 7, 'tokens_completion' => 3, 'cost_usd' => 0.00000123, 'cost_kind' => 'estimated' ) );
		$this->row( array( 'user_id' => $other, 'post_id' => $this->post_id, 'tokens_prompt' => 2000, 'tokens_completion' => 500, 'cost_usd' => 0.05, 'cost_kind' => 'subscription', 'provider' => 'local_backend' ) );
		$this->row( array( 'request_id' => $fallback, 'user_id' => $this->author['id'], 'post_id' => $this->post_id, 'status' => 'error', 'cost_kind' => 'local', 'provider' => 'local_backend', 'error_code' => 'connection' ) );
		$this->row( array( 'request_id' => $fallback, 'user_id' => $this->author['id'], 'post_id' => $this->post_id, 'status' => 'fallback', 'tokens_prompt' => 10, 'tokens_completion' => 20, 'cost_usd' => 0.0001, 'fallback_from' => 'local_backend' ) );
		$this->row( array( 'user_id' => $this->author['id'], 'post_id' => $this->post_id, 'tokens_prompt' => 5, 'tokens_completion' => 6, 'cost_kind' => 'local', 'provider' => 'openai_compatible:lab' ) );
		$this->row( array( 'user_id' => $this->author['id'], 'post_id' => 0, 'tokens_prompt' => 99999, 'cost_usd' => 9.0 ) );

		$response = $this->rest( 'GET', self::ROUTE . '?post_id=' . $this->post_id, $this->author );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame(
			array(
				'requests'          => 5,
				'tokens_prompt'     => 2122,
				'tokens_completion' => 569,
				'cost_usd'          => array(
					'metered'      => 0.0013,
					'estimated'    => 0.00000123,
					'subscription' => 0.05,
					'local'        => 0.0,
				),
			),
			self::exact( $response['json']['post'] )
		);
		$this->assertSame( self::TIMEZONE, $response['json']['timezone'] );
		$this->assertNull( $this->rest( 'GET', self::ROUTE, $this->author )['json']['post'], 'no post_id, no post totals' );
	}

	/**
	 * Today is the current user's rows since local midnight in the site's zone (converted to
	 * UTC for created_at): a row a second earlier and another user's rows are left out.
	 */
	public function test_today_starts_at_local_midnight(): void {
		$utc      = new DateTimeZone( 'UTC' );
		$midnight = ( new DateTimeImmutable( 'today', new DateTimeZone( self::TIMEZONE ) ) )->setTimezone( $utc );
		$at       = static fn ( DateTimeImmutable $t ): string => $t->format( 'Y-m-d H:i:s' );
		$me       = $this->author['id'];
		$this->row( array( 'user_id' => $me, 'created_at' => $at( $midnight->modify( '-1 second' ) ), 'tokens_prompt' => 1000, 'cost_usd' => 1.0 ) );
		$this->row( array( 'user_id' => $me, 'created_at' => $at( $midnight ), 'tokens_prompt' => 11, 'tokens_completion' => 1, 'cost_usd' => 0.25 ) );
		$this->row( array( 'user_id' => $me, 'post_id' => $this->post_id, 'tokens_prompt' => 22, 'tokens_completion' => 2, 'cost_usd' => 0.5, 'cost_kind' => 'estimated' ) );
		$this->row( array( 'user_id' => $me, 'tokens_prompt' => 33, 'tokens_completion' => 3, 'cost_usd' => 0.125, 'cost_kind' => 'subscription' ) );
		$this->row( array( 'user_id' => Site::user( 'editor' )->ID, 'tokens_prompt' => 5000, 'cost_usd' => 5.0 ) );

		$response = $this->rest( 'GET', self::ROUTE, $this->author );
		$this->assertSame( 200, $response['status'], $response['body'] );
		$this->assertSame(
			array(
				'requests'          => 3,
				'tokens_prompt'     => 66,
				'tokens_completion' => 6,
				'cost_usd'          => array(
					'metered'      => 0.25,
					'estimated'    => 0.5,
					'subscription' => 0.125,
					'local'        => 0.0,
				),
			),
			self::exact( $response['json']['today'] )
		);
	}

	/**
	 * Nothing recorded: zeros, not nulls.
	 */
	public function test_empty_totals_are_zero(): void {
		$body = $this->rest( 'GET', self::ROUTE . '?post_id=' . $this->post_id, $this->author )['json'];
		$zero = array(
			'requests'          => 0,
			'tokens_prompt'     => 0,
			'tokens_completion' => 0,
			'cost_usd'          => array(
				'metered'      => 0.0,
				'estimated'    => 0.0,
				'subscription' => 0.0,
				'local'        => 0.0,
			),
		);
		$this->assertSame( $zero, self::exact( $body['post'] ) );
		$this->assertSame( $zero, self::exact( $body['today'] ) );
	}

	/**
	 * Authors only; a post's totals only for those who may edit it; a missing post is a 404.
	 */
	public function test_permissions(): void {
		foreach ( array( 'contributor', 'editor', 'admin' ) as $role ) {
			$this->assertSame( 200, $this->rest( 'GET', self::ROUTE, $role )['status'], $role );
		}
		$subscriber = $this->rest( 'GET', self::ROUTE, 'subscriber' );
		$this->assertSame( 403, $subscriber['status'] );
		$this->assertSame( 'agentic_writer_forbidden', $subscriber['json']['code'] );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE, null )['status'] );

		$not_theirs = $this->rest( 'GET', self::ROUTE . '?post_id=' . $this->post_id, 'contributor' );
		$this->assertSame( 403, $not_theirs['status'] );
		$this->assertStringContainsString( (string) $this->post_id, $not_theirs['json']['message'] );
		$this->assertSame( 200, $this->rest( 'GET', self::ROUTE . '?post_id=' . $this->post_id, 'editor' )['status'] );
		$missing = $this->rest( 'GET', self::ROUTE . '?post_id=99999999', 'editor' );
		$this->assertSame( 404, $missing['status'] );
		$this->assertSame( 'agentic_writer_post_not_found', $missing['json']['code'] );
		$bad = $this->rest( 'GET', self::ROUTE . '?post_id=abc', 'editor' );
		$this->assertSame( 400, $bad['status'] );
		$this->assertSame( 'post_id', $bad['json']['data']['field'] );
	}

	/**
	 * Totals with money compared exactly: JSON numbers decode as int or float, both become float.
	 *
	 * @param array<string,mixed> $totals Totals from the answer.
	 * @return array<string,mixed>
	 */
	private static function exact( array $totals ): array {
		$totals['cost_usd'] = array_map( static fn ( $v ): float => round( (float) $v, 8 ), $totals['cost_usd'] );
		return $totals;
	}
}
