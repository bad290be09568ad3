package io.audittrail.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExporterTests {

	@Test
	void cellsThatSpreadsheetsRunAsFormulasAreNeutralized() {
		assertThat(CsvExporter.safe("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvExporter.safe("+1")).isEqualTo("'+1");
		assertThat(CsvExporter.safe("-1")).isEqualTo("'-1");
		assertThat(CsvExporter.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExporter.safe("\tx")).isEqualTo("'\tx");
		assertThat(CsvExporter.safe("\rx")).isEqualTo("'\rx");
	}

	@Test
	void otherCellsAreKept() {
		assertThat(CsvExporter.safe("editor@demo.test")).isEqualTo("editor@demo.test");
		assertThat(CsvExporter.safe("a=b")).isEqualTo("a=b");
		assertThat(CsvExporter.safe(null)).isEmpty();
		assertThat(CsvExporter.safe("")).isEmpty();
	}

}
