<?php
/**
 * Incremental SSE parsing.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Providers;

use AgenticWriter\Providers\Base\Sse_Parser;
use PHPUnit\Framework\TestCase;

/**
 * Chunks split anywhere, CRLF, comments, multi-line data.
 */
final class Sse_Parser_Test extends TestCase {

	/**
	 * The same stream cut at every byte gives the same events.
	 */
	public function test_events_survive_any_chunking(): void {
		$stream = ": OPENROUTER PROCESSING\n\nevent: message_start\r\ndata: {\"a\":1}\r\n\r\ndata: line one\ndata: line two\n\ndata: [DONE]\n\n";
		$want   = array(
			array(
				'event' => 'message_start',
				'data'  => '{"a":1}',
			),
			array(
				'event' => 'message',
				'data'  => "line one\nline two",
			),
			array(
				'event' => 'message',
				'data'  => '[DONE]',
			),
		);
		for ( $size = 1; $size <= strlen( $stream ); $size++ ) {
			$parser = new Sse_Parser();
			$got    = array();
			foreach ( str_split( $stream, $size ) as $chunk ) {
				$got = array_merge( $got, $parser->feed( $chunk ) );
			}
			$this->assertSame( $want, $got, "chunk size {$size}" );
		}
	}
}
