<?php
/**
 * Incremental Server-Sent Events parser.
 *
 * @package AgenticWriter
 */

declare( strict_types=1 );

namespace AgenticWriter\Providers\Base;

/**
 * Turns arbitrary network chunks into complete SSE events (`event`, `data`), skipping comments
 * such as OpenRouter's `: OPENROUTER PROCESSING`. A chunk may end mid-line; the rest waits.
 */
final class Sse_Parser {

	/**
	 * Bytes not yet forming a whole line.
	 *
	 * @var string
	 */
	private string $buffer = '';

	/**
	 * Event name of the event being read.
	 *
	 * @var string
	 */
	private string $event = '';

	/**
	 * Data lines of the event being read.
	 *
	 * @var string[]
	 */
	private array $data = array();

	/**
	 * Feeds a chunk; returns the events it completed.
	 *
	 * @param string $chunk Raw bytes.
	 * @return array<int,array{event:string,data:string}>
	 */
	public function feed( string $chunk ): array {
		$this->buffer .= $chunk;
		$events        = array();
		while ( true ) {
			$pos = strpos( $this->buffer, "\n" );
			if ( false === $pos ) {
				break;
			}
			$line         = rtrim( substr( $this->buffer, 0, $pos ), "\r" );
			$this->buffer = (string) substr( $this->buffer, $pos + 1 );
			if ( '' === $line ) {
				if ( array() !== $this->data ) {
					$events[] = array(
						'event' => '' === $this->event ? 'message' : $this->event,
						'data'  => implode( "\n", $this->data ),
					);
				}
				$this->event = '';
				$this->data  = array();
				continue;
			}
			if ( str_starts_with( $line, ':' ) ) {
				continue;
			}
			$colon = strpos( $line, ':' );
			$field = false === $colon ? $line : substr( $line, 0, $colon );
			$value = false === $colon ? '' : ltrim( substr( $line, $colon + 1 ), ' ' );
			if ( 'event' === $field ) {
				$this->event = $value;
			} elseif ( 'data' === $field ) {
				$this->data[] = $value;
			}
		}
		return $events;
	}
}
