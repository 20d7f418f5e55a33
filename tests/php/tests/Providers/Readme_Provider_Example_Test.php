<?php
/**
 * The README's "Adding a provider" example, run exactly as printed: one file in mu-plugins, and
 * the provider is listed, configurable, routable, serves generate and is recorded.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\Provider_Types;
use AgenticWriter\Tests\Site;
use AgenticWriter\Tests\Support\Provider_Http_Test_Case;

require_once dirname( __DIR__ ) . '/Support/Provider_Http_Test_Case.php';

/**
 * Copies the README's PHP block into the test site's mu-plugins (and loads it in this process, as
 * WordPress would have), then uses the site over HTTP.
 */
final class Readme_Provider_Example_Test extends Provider_Http_Test_Case {

	private const FILE = 'agentic-writer-readme-echo.php';

	/**
	 * The first PHP code block of the README's "Adding a provider" section.
	 */
	private static function example(): string {
		$readme = (string) file_get_contents( dirname( __DIR__, 4 ) . '/README.md' );
		$found  = preg_match( '/^## Adding a provider\n.*?^```php\n(.*?)^```$/ms', $readme, $m );
		self::assertSame( 1, $found, 'README.md has a "## Adding a provider" section with a ```php block' );
		return $m[1];
	}

	/**
	 * Where the site loads must-use plugins from.
	 */
	private static function target(): string {
		return $GLOBALS['aw_test_site']['path'] . '/wp-content/mu-plugins/' . self::FILE;
	}

	/**
	 * Installs the example.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		file_put_contents( self::target(), self::example() );
		require_once self::target();
		Provider_Types::reset();
	}

	/**
	 * Removes the example.
	 */
	public static function tearDownAfterClass(): void {
		if ( file_exists( self::target() ) ) {
			unlink( self::target() );
		}
		remove_all_filters( 'agentic_writer_provider_types' );
		Provider_Types::reset();
		parent::tearDownAfterClass();
	}

	/**
	 * GET providers lists the type and its provider; GET settings has its (empty) settings object.
	 */
	public function test_it_is_listed_with_its_settings(): void {
		$providers = $this->rest( 'GET', '/agentic-writer/v1/providers' );
		$this->assertSame( 200, $providers['status'], $providers['body'] );
		$types = array_column( $providers['json']['types'], null, 'type' );
		$this->assertSame( array( 'openrouter', 'local_backend', 'anthropic', 'openai_compatible', 'echo' ), array_keys( $types ) );
		$this->assertSame( array( 'Echo', 'local', false, array(), 'none' ), array( $types['echo']['label'], $types['echo']['kind'], $types['echo']['multiple'], $types['echo']['fields'], $types['echo']['cost_source'] ) );
		$listed = array_column( $providers['json']['providers'], null, 'id' );
		$this->assertSame( array( 'echo', 'Echo', true ), array( $listed['echo']['type'], $listed['echo']['label'], $listed['echo']['configured'] ) );

		$settings = $this->rest( 'GET', '/agentic-writer/v1/settings' );
		$this->assertSame( 200, $settings['status'] );
		$this->assertStringContainsString( '"echo":{}', $settings['body'], 'a type without fields is an object' );
	}

	/**
	 * It can be chosen in simple routing and in the advanced matrix; an unknown id still cannot.
	 */
	public function test_it_can_be_routed(): void {
		$simple = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'routing' => array( 'simple' => array( 'text' => 'echo' ) ) ) );
		$this->assertSame( 200, $simple['status'], $simple['body'] );
		$this->assertSame( 'echo', $simple['json']['routing']['simple']['text'] );

		$matrix = $this->rest(
			'POST',
			'/agentic-writer/v1/settings',
			'admin',
			array(
				'routing' => array(
					'mode'   => 'advanced',
					'matrix' => array( 'writing' => array( 'echo', 'openrouter' ) ),
				),
			)
		);
		$this->assertSame( 200, $matrix['status'], $matrix['body'] );
		$this->assertSame( array( 'echo', 'openrouter' ), $matrix['json']['routing']['matrix']['writing'] );

		$unknown = $this->rest( 'POST', '/agentic-writer/v1/settings', 'admin', array( 'routing' => array( 'simple' => array( 'text' => 'echoes' ) ) ) );
		$this->assertSame( 400, $unknown['status'] );
		$this->assertSame( 'routing[simple][text]', $unknown['json']['data']['field'] );
	}

	/**
	 * An author's generate, JSON and streamed, is answered by the example and recorded.
	 */
	public function test_it_serves_generate_and_is_recorded(): void {
		$this->configure( array( 'routing' => array( 'simple' => array( 'text' => 'echo' ) ) ) );

		$json = $this->rest( 'POST', '/agentic-writer/v1/generate', 'author', array( 'task' => 'chat', 'prompt' => 'Hello from the README' ) );
		$this->assertSame( 200, $json['status'], $json['body'] );
		$this->assertSame( 'echo', $json['json']['provider'] );
		$this->assertStringStartsWith( 'Echo: ', $json['json']['text'] );
		$this->assertStringContainsString( 'Hello from the README', $json['json']['text'] );
		$rows = $this->usage_rows( $json['json']['request_id'] );
		$this->assertCount( 1, $rows );
		$this->assertSame( array( 'echo', 'ok', 'local', (string) Site::user( 'author' )->ID ), array( $rows[0]['provider'], $rows[0]['status'], $rows[0]['cost_kind'], (string) $rows[0]['user_id'] ) );
		$this->assertGreaterThan( 0, (int) $rows[0]['tokens_total'] );

		$stream = $this->sse( array( 'task' => 'chat', 'prompt' => 'Streamed from the README' ), 'author' );
		$this->assertSame( 200, $stream['status'] );
		$types = self::types( $stream['events'] );
		$this->assertSame( 'start', $types[0] );
		$this->assertSame( 'done', end( $types ) );
		$this->assertGreaterThan( 2, count( array_keys( $types, 'delta', true ) ), 'streamed word by word' );
		$this->assertStringContainsString( 'Streamed from the README', self::text_of( $stream['events'] ) );
		$start = $this->event( $stream['events'], 'start' );
		$this->assertSame( 'echo', $start['provider'] );
		$this->assertCount( 1, $this->usage_rows( $start['request_id'] ) );
	}
}
