<?php
/**
 * GET|POST|DELETE chat/<post id>: the conversation kept per post and per author.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Rest;

use AgenticWriter\Editor\Chat_History;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Over HTTP against the running site; the stored meta is checked in-process.
 */
final class Chat_History_Route_Test extends Provider_Http_Test_Case {

	/**
	 * The contributor's draft.
	 *
	 * @var int
	 */
	private int $post_id;

	/**
	 * A draft of the contributor's (which editors and admins may edit too).
	 */
	protected function setUp(): void {
		parent::setUp();
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'  => 'Chat about bees',
				'post_status' => 'draft',
				'post_author' => Site::user( 'contributor' )->ID,
			)
		);
	}

	/**
	 * Deletes the draft (and its meta).
	 */
	protected function tearDown(): void {
		wp_delete_post( $this->post_id, true );
		parent::tearDown();
	}

	/**
	 * The route of this test's post.
	 */
	private function route(): string {
		return '/agentic-writer/v1/chat/' . $this->post_id;
	}

	/**
	 * Messages to post.
	 *
	 * @param int    $count  How many.
	 * @param string $prefix Content prefix.
	 * @param int    $pad    Characters of each content.
	 * @return array<int,array{role:string,content:string}>
	 */
	private static function messages( int $count, string $prefix, int $pad = 0 ): array {
		$out = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$content = $prefix . $i;
			$out[]   = array(
				'role'    => 0 === $i % 2 ? 'user' : 'assistant',
				'content' => $pad > 0 ? str_pad( $content, $pad, '.' ) : $content,
			);
		}
		return $out;
	}

	/**
	 * Empty at first; POST appends and answers the whole list with times and meta; the next
	 * GET has the same; DELETE clears.
	 */
	public function test_round_trip(): void {
		$empty = $this->rest( 'GET', $this->route(), 'contributor' );
		$this->assertSame( 200, $empty['status'], $empty['body'] );
		$this->assertSame(
			array(
				'messages' => array(),
				'limits'   => array(
					'max_messages' => 50,
					'max_chars'    => 200000,
				),
			),
			$empty['json']
		);

		$meta   = array(
			'provider'          => 'openrouter',
			'model'             => 'openai/gpt-4o-mini',
			'tokens_prompt'     => 12,
			'tokens_completion' => 34,
			'cost_usd'          => 0.00012,
			'cost_kind'         => 'metered',
		);
		$code   = "Use `C:\\temp\\new` and \"quotes\" — ünïcödé <b>kept</b>";
		$posted = $this->rest(
			'POST',
			$this->route(),
			'contributor',
			array(
				'messages' => array(
					array(
						'role'    => 'user',
						'content' => $code,
					),
					array(
						'role'    => 'assistant',
						'content' => 'An answer',
						'meta'    => $meta,
					),
				),
			)
		);
		$this->assertSame( 200, $posted['status'], $posted['body'] );
		$messages = $posted['json']['messages'];
		$this->assertSame( array( 'user', 'assistant' ), array_column( $messages, 'role' ) );
		$this->assertSame( $code, $messages[0]['content'], 'backslashes, quotes and markup survive' );
		$this->assertArrayNotHasKey( 'meta', $messages[0] );
		$this->assertSame( $meta, $messages[1]['meta'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $messages[0]['at'] );
		$this->assertLessThan( 60, abs( time() - strtotime( $messages[0]['at'] ) ) );

		$this->assertSame( $messages, $this->rest( 'GET', $this->route(), 'contributor' )['json']['messages'] );
		wp_cache_flush();
		$stored = get_post_meta( $this->post_id, '_agentic_writer_chat_' . Site::user( 'contributor' )->ID, true );
		$this->assertSame( $code, $stored[0]['content'] );

		$more = $this->rest( 'POST', $this->route(), 'contributor', array( 'messages' => self::messages( 1, 'third' ) ) );
		$this->assertSame( array( $code, 'An answer', 'third0' ), array_column( $more['json']['messages'], 'content' ) );

		$cleared = $this->rest( 'DELETE', $this->route(), 'contributor' );
		$this->assertSame( 200, $cleared['status'], $cleared['body'] );
		$this->assertSame( array(), $cleared['json']['messages'] );
		$this->assertSame( array(), $this->rest( 'GET', $this->route(), 'contributor' )['json']['messages'] );
		wp_cache_flush();
		$this->assertSame( '', get_post_meta( $this->post_id, '_agentic_writer_chat_' . Site::user( 'contributor' )->ID, true ) );
	}

	/**
	 * Each author has their own conversation about the same post.
	 */
	public function test_per_user(): void {
		$this->rest( 'POST', $this->route(), 'contributor', array( 'messages' => self::messages( 1, 'mine' ) ) );
		$this->rest( 'POST', $this->route(), 'editor', array( 'messages' => self::messages( 2, 'editor' ) ) );
		$this->assertSame( array( 'mine0' ), array_column( $this->rest( 'GET', $this->route(), 'contributor' )['json']['messages'], 'content' ) );
		$this->assertSame( array( 'editor0', 'editor1' ), array_column( $this->rest( 'GET', $this->route(), 'editor' )['json']['messages'], 'content' ) );
		$this->assertSame( array(), $this->rest( 'GET', $this->route(), 'admin' )['json']['messages'] );
		$this->rest( 'DELETE', $this->route(), 'editor' );
		$this->assertCount( 1, $this->rest( 'GET', $this->route(), 'contributor' )['json']['messages'], 'clearing is per user' );
	}

	/**
	 * Over 50 messages, the oldest go first.
	 */
	public function test_message_cap_drops_the_oldest(): void {
		for ( $batch = 0; $batch < 13; $batch++ ) {
			$last = $this->rest( 'POST', $this->route(), 'contributor', array( 'messages' => self::messages( 4, "b{$batch}m" ) ) );
			$this->assertSame( 200, $last['status'], $last['body'] );
		}
		$contents = array_column( $last['json']['messages'], 'content' );
		$this->assertCount( 50, $contents );
		$this->assertSame( 'b0m2', $contents[0], 'the two oldest of 52 were dropped' );
		$this->assertSame( 'b12m3', $contents[49] );
	}

	/**
	 * Over 200,000 characters, the oldest go first; exactly 200,000 stays.
	 */
	public function test_character_cap_drops_the_oldest(): void {
		for ( $batch = 0; $batch < 3; $batch++ ) {
			$last = $this->rest( 'POST', $this->route(), 'contributor', array( 'messages' => self::messages( 4, "b{$batch}m", 20000 ) ) );
			$this->assertSame( 200, $last['status'], $last['body'] );
		}
		$this->assertCount( 10, $last['json']['messages'], '12 × 20,000 characters: 10 fit' );
		$this->assertStringStartsWith( 'b0m2', $last['json']['messages'][0]['content'] );
		$this->assertSame( 200000, array_sum( array_map( 'mb_strlen', array_column( $last['json']['messages'], 'content' ) ) ) );

		$one = $this->rest( 'POST', $this->route(), 'contributor', array( 'messages' => self::messages( 1, 'short' ) ) );
		$this->assertCount( 10, $one['json']['messages'], 'one more short message pushes out one long one' );
		$this->assertSame( 'short0', end( $one['json']['messages'] )['content'] );
	}

	/**
	 * Bad bodies are 400s naming the field, and change nothing.
	 *
	 * @return array<string,array{0:mixed,1:string}>
	 */
	public function bad_bodies(): array {
		$user = array(
			'role'    => 'user',
			'content' => 'x',
		);
		return array(
			'no messages'       => array( array(), 'messages' ),
			'empty list'        => array( array( 'messages' => array() ), 'messages' ),
			'five messages'     => array( array( 'messages' => array_fill( 0, 5, $user ) ), 'messages' ),
			'system role'       => array( array( 'messages' => array( array( 'role' => 'system' ) + $user ) ), 'messages[0][role]' ),
			'no content'        => array( array( 'messages' => array( array( 'role' => 'user' ) ) ), 'messages[0]' ),
			'content too long'  => array( array( 'messages' => array( $user, array( 'content' => str_repeat( 'y', 20001 ) ) + $user ) ), 'messages[1][content]' ),
			'unknown key'       => array( array( 'messages' => array( $user + array( 'name' => 'bob' ) ) ), 'messages[0]' ),
			'unknown meta key'  => array( array( 'messages' => array( $user + array( 'meta' => array( 'secret' => 'x' ) ) ) ), 'messages[0][meta]' ),
			'bad cost kind'     => array( array( 'messages' => array( $user + array( 'meta' => array( 'cost_kind' => 'free' ) ) ) ), 'messages[0][meta][cost_kind]' ),
			'negative tokens'   => array( array( 'messages' => array( $user + array( 'meta' => array( 'tokens_prompt' => -1 ) ) ) ), 'messages[0][meta][tokens_prompt]' ),
		);
	}

	/**
	 * Each bad body is refused with the field it concerns.
	 *
	 * @dataProvider bad_bodies
	 * @param mixed  $body  Body.
	 * @param string $field Field path in data.field.
	 */
	public function test_bad_body_names_the_field( $body, string $field ): void {
		$response = $this->rest( 'POST', $this->route(), 'contributor', $body );
		$this->assertSame( 400, $response['status'], $response['body'] );
		$this->assertSame( 'agentic_writer_invalid_param', $response['json']['code'] );
		$this->assertSame( $field, $response['json']['data']['field'] );
		$this->assertArrayHasKey( 'messages', $response['json']['data']['params'] );
		$this->assertSame( array(), $this->rest( 'GET', $this->route(), 'contributor' )['json']['messages'] );
	}

	/**
	 * Who may read and write: the post's editors; nobody learns about posts that do not exist.
	 */
	public function test_permissions(): void {
		$expected = array(
			'subscriber'  => 403,
			'contributor' => 200,
			'editor'      => 200,
			'admin'       => 200,
		);
		foreach ( $expected as $role => $status ) {
			foreach ( array( 'GET', 'DELETE' ) as $method ) {
				$this->assertSame( $status, $this->rest( $method, $this->route(), $role )['status'], "{$role} {$method}" );
			}
			$this->assertSame( $status, $this->rest( 'POST', $this->route(), $role, array( 'messages' => self::messages( 1, 'p' ) ) )['status'], "{$role} POST" );
		}
		$this->assertSame( 401, $this->rest( 'GET', $this->route(), null )['status'] );

		$admin_post = (int) wp_insert_post(
			array(
				'post_title'  => 'Not the contributor\'s',
				'post_status' => 'publish',
				'post_author' => Site::user( 'admin' )->ID,
			)
		);
		try {
			$other = $this->rest( 'GET', '/agentic-writer/v1/chat/' . $admin_post, 'contributor' );
			$this->assertSame( 403, $other['status'] );
			$this->assertSame( 'agentic_writer_forbidden', $other['json']['code'] );
			$this->assertStringContainsString( "post {$admin_post}", $other['json']['message'] );
		} finally {
			wp_delete_post( $admin_post, true );
		}

		foreach ( array( 'GET', 'POST', 'DELETE' ) as $method ) {
			$missing = $this->rest( $method, '/agentic-writer/v1/chat/99999999', 'editor', 'POST' === $method ? array( 'messages' => self::messages( 1, 'x' ) ) : null );
			$this->assertSame( 404, $missing['status'], $method );
			$this->assertSame( 'agentic_writer_post_not_found', $missing['json']['code'], $method );
		}
		$this->assertSame( 404, $this->rest( 'GET', '/agentic-writer/v1/chat/0', 'editor' )['status'] );
		$this->assertSame( 403, $this->rest( 'GET', '/agentic-writer/v1/chat/99999999', 'subscriber' )['status'], 'no post existence leak' );
	}

	/**
	 * Deleting an account deletes its conversations, on every post.
	 */
	public function test_deleted_user_loses_their_history(): void {
		$user_id = wp_insert_user(
			array(
				'user_login' => 'aw-chat-' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => 'editor',
			)
		);
		$this->assertIsInt( $user_id );
		$kept = Chat_History::meta_key( Site::user( 'editor' )->ID );
		Chat_History::append( $this->post_id, $user_id, self::messages( 1, 'gone' ) );
		Chat_History::append( $this->post_id, Site::user( 'editor' )->ID, self::messages( 1, 'kept' ) );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $user_id );
		wp_cache_flush();
		$this->assertSame( '', get_post_meta( $this->post_id, Chat_History::meta_key( $user_id ), true ) );
		$this->assertSame( 'kept0', get_post_meta( $this->post_id, $kept, true )[0]['content'] );
	}
}
