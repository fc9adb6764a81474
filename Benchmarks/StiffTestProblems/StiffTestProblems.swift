enum StiffTestProblemsModule {}
