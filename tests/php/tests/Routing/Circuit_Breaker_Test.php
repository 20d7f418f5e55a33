<?php
/**
 * The breaker's state machine (in-process, transients rolled back).
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Routing;

use AgenticWriter\Routing\Circuit_Breaker;
use AgenticWriter\Tests\Test_Case;

/**
 * Closed → open → half-open (one probe) → closed or open again.
 */
final class Circuit_Breaker_Test extends Test_Case {

	/**
	 * The whole cycle.
	 */
	public function test_cycle(): void {
		$b  = new Circuit_Breaker( 2, 1 );
		$id = 'test:' . wp_generate_uuid4();
		$this->assertSame( 'closed', $b->state( $id ) );
		$b->record_failure( $id );
		$this->assertTrue( $b->allows( $id ) );
		$b->record_success( $id );
		$b->record_failure( $id );
		$this->assertSame( 'closed', $b->state( $id ), 'successes reset the count' );
		$b->record_failure( $id );
		$this->assertSame( 'open', $b->state( $id ) );
		$this->assertTrue( $b->blocks( $id ) );
		$this->assertFalse( $b->allows( $id ) );

		sleep( 1 );
		$this->assertSame( 'half_open', $b->state( $id ) );
		$this->assertFalse( $b->blocks( $id ), 'a probe may go' );
		$this->assertTrue( $b->allows( $id ), 'one probe' );
		$this->assertTrue( $b->blocks( $id ), 'the probe is out' );
		$this->assertFalse( $b->allows( $id ), 'only one probe per cool-down' );
		$b->record_failure( $id );
		$this->assertSame( 'open', $b->state( $id ), 'a failed probe re-opens' );

		sleep( 1 );
		$this->assertTrue( $b->allows( $id ) );
		$b->record_success( $id );
		$this->assertSame( 'closed', $b->state( $id ) );
		$this->assertSame( 0, $b->snapshot( $id )['failures'] );

		$b->record_failure( $id );
		$b->record_failure( $id );
		$b->reset( $id );
		$this->assertSame( 'closed', $b->state( $id ) );
	}
}
