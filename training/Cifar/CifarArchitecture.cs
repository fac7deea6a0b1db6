namespace Toolkit.Training.Cifar;

public enum CifarArchitecture { Logreg, Mlp, Conv, Lenet, Fast }
