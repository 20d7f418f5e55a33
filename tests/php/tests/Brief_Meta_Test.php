<?php
/**
 * Post meta `_agentic_writer_brief`: saved with the post through wp/v2, by whoever may edit it.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests;

use AgenticWriter\Editor\Brief_Meta;

/**
 * Through WordPress's own posts route over HTTP, as the editor saves a post.
 */
final class Brief_Meta_Test extends Test_Case {

	/** The web server must see the posts this test writes. */
	protected bool $use_transaction = false;

	private const KEY = '_agentic_writer_brief';

	/**
	 * Posts to delete.
	 *
	 * @var int[]
	 */
	private array $posts = array();

	/**
	 * Deletes the posts.
	 */
	protected function tearDown(): void {
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
		}
		parent::tearDown();
	}

	/**
	 * A JSON request.
	 *
	 * @param string      $method Method.
	 * @param string      $route  Route under /wp-json.
	 * @param string|null $role   Role or null.
	 * @param mixed       $body   Body.
	 * @return array{status:int,headers:array<string,string>,body:string,json:mixed}
	 */
	private function rest( string $method, string $route, ?string $role, $body = null ): array {
		return Http_Client::request( $method, '/wp-json' . $route, $role, null === $body ? null : (string) wp_json_encode( $body ) );
	}

	/**
	 * A full, valid value.
	 *
	 * @return array<string,mixed>
	 */
	private static function value(): array {
		return array(
			'brief'     => "A post about winter beekeeping for beginners — with a \\ backslash and \"quotes\".",
			'questions' => array(
				array(
					'question' => 'Who reads it?',
					'why'      => 'Sets the tone.',
					'options'  => array( 'Beginners', 'Hobbyists' ),
				),
				array(
					'question' => 'How long?',
					'why'      => 'Sets the depth.',
					'options'  => array(),
				),
			),
			'answers'   => array( 'Beginners', 'About 1,200 words' ),
			'outline'   => array(
				'title'    => 'Bees in winter',
				'summary'  => 'What a colony needs from November to March.',
				'sections' => array(
					array(
						'heading' => 'The winter cluster',
						'points'  => array( 'Why bees cluster', 'How warm it gets' ),
					),
					array(
						'heading' => 'Feeding',
						'points'  => array(),
					),
				),
			),
		);
	}

	/**
	 * Registered on post and page (and every REST post type with editor and custom fields).
	 */
	public function test_registered_on_editor_post_types(): void {
		foreach ( array( 'post', 'page' ) as $type ) {
			$meta = get_registered_meta_keys( 'post', $type );
			$this->assertArrayHasKey( self::KEY, $meta, $type );
			$this->assertTrue( $meta[ self::KEY ]['single'] );
			$this->assertSame( 'object', $meta[ self::KEY ]['type'] );
		}
		$this->assertContains( 'post', Brief_Meta::post_types() );
		$this->assertNotContains( 'attachment', Brief_Meta::post_types() );
	}

	/**
	 * A contributor saves it on their own draft through wp/v2/posts; it round-trips; a new post
	 * reads the empty value.
	 */
	public function test_contributor_saves_it_on_their_draft(): void {
		$created = $this->rest(
			'POST',
			'/wp/v2/posts',
			'contributor',
			array(
				'title'  => 'Brief round trip',
				'status' => 'draft',
			)
		);
		$this->assertSame( 201, $created['status'], $created['body'] );
		$id            = (int) $created['json']['id'];
		$this->posts[] = $id;
		$this->assertSame( Brief_Meta::empty_value(), $created['json']['meta'][ self::KEY ] );

		$saved = $this->rest( 'POST', "/wp/v2/posts/{$id}", 'contributor', array( 'meta' => array( self::KEY => self::value() ) ) );
		$this->assertSame( 200, $saved['status'], $saved['body'] );
		$this->assertSame( self::value(), $saved['json']['meta'][ self::KEY ] );

		$read = $this->rest( 'GET', "/wp/v2/posts/{$id}?context=edit", 'contributor' );
		$this->assertSame( self::value(), $read['json']['meta'][ self::KEY ] );
		wp_cache_flush();
		$this->assertSame( self::value(), get_post_meta( $id, self::KEY, true ) );

		$partial = $this->rest( 'POST', "/wp/v2/posts/{$id}", 'contributor', array( 'meta' => array( self::KEY => array( 'brief' => 'Only a brief' ) ) ) );
		$this->assertSame( 200, $partial['status'], $partial['body'] );
		$this->assertSame( array( 'brief' => 'Only a brief' ) + Brief_Meta::empty_value(), $partial['json']['meta'][ self::KEY ], 'the whole shape, empty outline an object' );
		$this->assertStringContainsString( '"outline":{"title":"","summary":"","sections":[]}', $partial['body'] );
	}

	/**
	 * Pages have it too.
	 */
	public function test_pages_have_it(): void {
		$created = $this->rest(
			'POST',
			'/wp/v2/pages',
			'editor',
			array(
				'title'  => 'A page with a brief',
				'status' => 'draft',
				'meta'   => array( self::KEY => self::value() ),
			)
		);
		$this->assertSame( 201, $created['status'], $created['body'] );
		$this->posts[] = (int) $created['json']['id'];
		$this->assertSame( self::value(), $created['json']['meta'][ self::KEY ] );
	}

	/**
	 * Bad shapes are refused whole, with a 400, and nothing changes.
	 *
	 * @return array<string,array{0:array<string,mixed>}>
	 */
	public function bad_values(): array {
		$value = self::value();
		$cases = array(
			'unknown top-level key'   => array( 'extra' => 1 ) + $value,
			'brief too long'          => array( 'brief' => str_repeat( 'b', 20001 ) ) + $value,
			'brief not a string'      => array( 'brief' => array( 'x' ) ) + $value,
			'eleven questions'        => array( 'questions' => array_fill( 0, 11, $value['questions'][0] ) ) + $value,
			'unknown question key'    => array( 'questions' => array( $value['questions'][0] + array( 'answer' => 'x' ) ) ) + $value,
			'eleven answers'          => array( 'answers' => array_fill( 0, 11, 'a' ) ) + $value,
			'answer too long'         => array( 'answers' => array( str_repeat( 'a', 5001 ) ) ) + $value,
			'thirty-one sections'     => array( 'outline' => array( 'sections' => array_fill( 0, 31, $value['outline']['sections'][0] ) ) + $value['outline'] ) + $value,
			'unknown outline key'     => array( 'outline' => array( 'tags' => array() ) + $value['outline'] ) + $value,
			'unknown section key'     => array( 'outline' => array( 'sections' => array( array( 'body' => 'x' ) + $value['outline']['sections'][0] ) ) + $value['outline'] ) + $value,
			'points not strings'      => array( 'outline' => array( 'sections' => array( array( 'points' => array( array( 'x' ) ) ) + $value['outline']['sections'][0] ) ) + $value['outline'] ) + $value,
		);
		return array_map( static fn ( array $bad ): array => array( $bad ), $cases );
	}

	/**
	 * Each bad value is a 400 and leaves the stored one alone.
	 *
	 * @dataProvider bad_values
	 * @param array<string,mixed> $bad Value.
	 */
	public function test_bad_shape_is_a_400( array $bad ): void {
		$id            = (int) wp_insert_post(
			array(
				'post_title'  => 'Bad brief',
				'post_status' => 'draft',
				'post_author' => Site::user( 'contributor' )->ID,
			)
		);
		$this->posts[] = $id;
		update_post_meta( $id, self::KEY, wp_slash( self::value() ) );
		$response = $this->rest( 'POST', "/wp/v2/posts/{$id}", 'contributor', array( 'meta' => array( self::KEY => $bad ) ) );
		$this->assertSame( 400, $response['status'], $response['body'] );
		// WordPress's own meta validation answers, with its own codes (rest_too_long…).
		$this->assertStringStartsWith( 'rest_', $response['json']['code'] );
		$this->assertNotSame( '', $response['json']['message'] );
		wp_cache_flush();
		$this->assertSame( self::value(), get_post_meta( $id, self::KEY, true ) );
	}

	/**
	 * Only those who may edit the post write it; it is not in the public answer of a published post.
	 */
	public function test_others_cannot_write_or_read_it(): void {
		$id            = (int) wp_insert_post(
			array(
				'post_title'  => 'Published with a brief',
				'post_status' => 'publish',
				'post_author' => Site::user( 'editor' )->ID,
			)
		);
		$this->posts[] = $id;
		update_post_meta( $id, self::KEY, wp_slash( self::value() ) );

		$write = $this->rest( 'POST', "/wp/v2/posts/{$id}", 'contributor', array( 'meta' => array( self::KEY => Brief_Meta::empty_value() ) ) );
		$this->assertSame( 403, $write['status'], $write['body'] );
		$public = $this->rest( 'GET', "/wp/v2/posts/{$id}", null );
		$this->assertSame( 200, $public['status'] );
		$this->assertArrayNotHasKey( self::KEY, (array) ( $public['json']['meta'] ?? array() ) );
		$this->assertStringNotContainsString( 'winter beekeeping', $public['body'] );
		$this->assertSame( self::value(), $this->rest( 'GET', "/wp/v2/posts/{$id}?context=edit", 'editor' )['json']['meta'][ self::KEY ] );
	}
}
