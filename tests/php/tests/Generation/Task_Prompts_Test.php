<?php
/**
 * Task prompts and structured answers.
 *
 * @package AgenticWriter\Tests
 */

declare( strict_types=1 );

namespace AgenticWriter\Tests\Generation;

use AgenticWriter\Generation\Task_Prompts;
use PHPUnit\Framework\TestCase;

/**
 * Clarity questions and planning outlines validated against their schema.
 */
final class Task_Prompts_Test extends TestCase {

	/**
	 * A fenced, valid outline parses; a wrong one is explained.
	 */
	public function test_outline_is_validated(): void {
		$ok = Task_Prompts::parse_structured( 'planning', "```json\n{\"title\":\"Bees\",\"sections\":[{\"heading\":\"Winter\",\"points\":[\"Clusters\"]}]}\n```" );
		$this->assertNull( $ok['error'] );
		$this->assertSame( 'Winter', $ok['data']['sections'][0]['heading'] );

		$missing = Task_Prompts::parse_structured( 'planning', '{"title":"Bees"}' );
		$this->assertNull( $missing['data'] );
		$this->assertStringContainsString( 'sections', $missing['error'] );

		$prose = Task_Prompts::parse_structured( 'planning', 'Here is an outline: 1. Winter' );
		$this->assertNull( $prose['data'] );
		$this->assertStringContainsString( 'did not answer with JSON', $prose['error'] );
	}

	/**
	 * Clarity answers are questions.
	 */
	public function test_clarity_questions(): void {
		$ok = Task_Prompts::parse_structured( 'clarity', '{"questions":[{"question":"Who reads this?","why":"Tone","options":["Beginners","Experts"]}]}' );
		$this->assertSame( 'Who reads this?', $ok['data']['questions'][0]['question'] );
		$this->assertNotNull( Task_Prompts::parse_structured( 'clarity', '{"questions":[]}' )['error'] );
		$this->assertNull( Task_Prompts::parse_structured( 'writing', 'Anything' )['error'] );
	}

	/**
	 * Each task has its own instructions; JSON tasks say so.
	 */
	public function test_prompts_per_task(): void {
		$seen = array();
		foreach ( array( 'chat', 'clarity', 'planning', 'writing', 'refinement' ) as $task ) {
			$seen[ Task_Prompts::system( $task ) ] = true;
			$this->assertSame( in_array( $task, array( 'clarity', 'planning' ), true ), str_contains( Task_Prompts::system( $task ), 'JSON only' ), $task );
		}
		$this->assertCount( 5, $seen );
	}
}
