namespace Toolkit.Training.Search;

public enum SearchKind { None, Grid, Random }
