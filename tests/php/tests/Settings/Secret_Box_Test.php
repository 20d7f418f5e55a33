<?php
/**
 * Encryption of keys at rest.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Settings;

use AgenticWriter\Settings\Secret_Box;
use PHPUnit\Framework\TestCase;

/**
 * Round trip, fresh nonces, tampering and garbage.
 */
final class Secret_Box_Test extends TestCase {

	/**
	 * Seal and open.
	 */
	public function test_round_trip_with_fresh_nonces(): void {
		$a = Secret_Box::seal( 'sk-or-v1-abcdef0123456789' );
		$b = Secret_Box::seal( 'sk-or-v1-abcdef0123456789' );
		$this->assertNotSame( $a, $b );
		$this->assertStringNotContainsString( 'abcdef', $a );
		$this->assertTrue( Secret_Box::is_sealed( $a ) );
		$this->assertSame( 'sk-or-v1-abcdef0123456789', Secret_Box::open( $a ) );
		$this->assertSame( '…6789', Secret_Box::hint( 'sk-or-v1-abcdef0123456789' ) );
	}

	/**
	 * Tampered, foreign or plain values do not open.
	 */
	public function test_unreadable_values_give_null(): void {
		$sealed    = Secret_Box::seal( 'secret-value-123' );
		$raw       = base64_decode( substr( $sealed, 4 ) );
		$raw[30]   = chr( ord( $raw[30] ) ^ 1 );
		$this->assertNull( Secret_Box::open( 'aw1:' . base64_encode( $raw ) ) );
		$this->assertNull( Secret_Box::open( 'aw1:' . base64_encode( random_bytes( 64 ) ) ) );
		$this->assertNull( Secret_Box::open( 'aw1:not base64!' ) );
		$this->assertNull( Secret_Box::open( 'plain-key' ) );
	}
}
